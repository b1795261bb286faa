import Foundation
import TimeSeries

/// Tick marks on calendar boundaries (every year, every 3 months, ...) for an
/// axis of days since 1970-01-01, chosen so that at most `maxTicks` show.
/// gnuplot's own time ticks fall on multiples of seconds, which gives
/// "2020 2020 2021" for yearly data; these are placed by the calendar.
enum CalendarTicks {
    struct Tick: Equatable {
        let day: Int
        let label: String
    }

    private enum Unit { case day(Int), month(Int), year(Int) }
    private static let units: [Unit] = [
        .day(1), .day(2), .day(7), .day(14), .month(1), .month(2), .month(3), .month(6),
        .year(1), .year(2), .year(5), .year(10), .year(20), .year(50), .year(100),
    ]

    static func ticks(from first: Double, to last: Double, maxTicks: Int) -> [Tick] {
        guard first.isFinite, last.isFinite, last >= first else { return [] }
        let lo = Int(first.rounded(.down)), hi = Int(last.rounded(.up))
        for unit in units {
            let ticks = place(unit, from: lo, to: hi)
            if ticks.count <= maxTicks { return ticks }
        }
        return place(.year(max(1, (hi - lo) / 365 / max(1, maxTicks))), from: lo, to: hi)
    }

    private static func place(_ unit: Unit, from lo: Int, to hi: Int) -> [Tick] {
        var ticks: [Tick] = []
        let start = CivilDate(daysSinceEpoch: lo)
        switch unit {
        case .day(let n):
            // Weekly ticks on Mondays, as ISO weeks start; others on every n-th day.
            var day = n == 7 || n == 14 ? lo + ((8 - CivilDate(daysSinceEpoch: lo).weekday) % 7) : lo
            while day <= hi, ticks.count <= 1000 {
                ticks.append(Tick(day: day, label: CivilDate(daysSinceEpoch: day).description))
                day += n
            }
        case .month(let n):
            var m = start.year * 12 + start.month - 1
            if start.day != 1 { m += 1 }
            m = (m + n - 1) / n * n
            while ticks.count <= 1000 {
                let year = m / 12, month = m % 12 + 1
                let day = CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
                if day > hi { break }
                ticks.append(Tick(day: day, label: String(format: "%04d-%02d", year, month)))
                m += n
            }
        case .year(let n):
            var year = start.year + (start.month == 1 && start.day == 1 ? 0 : 1)
            year = Int((Double(year) / Double(n)).rounded(.up)) * n
            while ticks.count <= 1000 {
                let day = CivilDate.daysSinceEpoch(year: year, month: 1, day: 1)
                if day > hi { break }
                ticks.append(Tick(day: day, label: String(year)))
                year += n
            }
        }
        return ticks
    }
}
