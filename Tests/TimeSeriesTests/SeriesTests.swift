import Foundation
import Testing
import TimeSeries

@Suite struct SeriesTests {
    let monthly = Series(
        name: "m", values: (1...24).map(Double.init), index: TimeIndex(frequency: .month, start: 2020 * 12))

    @Test func slicingKeepsTheCalendar() throws {
        #expect(monthly.head(3).values == [1, 2, 3])
        #expect(monthly.tail(2).labels == ["2021-11", "2021-12"])
        let (train, test) = try monthly.split(holdout: 6)
        #expect(train.count == 18 && test.count == 6)
        #expect(test.label(at: 0) == "2021-07")
        let w = try monthly.window(from: "2020-06", to: "2020-08")
        #expect(w.values == [6, 7, 8] && w.label(at: 0) == "2020-06")
        #expect(try monthly.window(from: "2019-01", to: "2020-02").values == [1, 2])
        #expect(throws: SeriesError.self) { try monthly.window(from: "2023-01", to: nil) }
        #expect(throws: SeriesError.self) { try monthly.window(from: "June", to: nil) }
        #expect(throws: SeriesError.self) { try monthly.split(holdout: 24) }
    }

    @Test func arithmeticAlignsOnTheCalendar() throws {
        let later = Series(values: [10, 20, 30], index: TimeIndex(frequency: .month, start: 2020 * 12 + 22))
        let sum = try Series.combine(monthly, later, +)
        #expect(sum.values == [33, 44] && sum.label(at: 0) == "2021-11")
        let yearly = Series(values: [1], index: TimeIndex(frequency: .year, start: 2020))
        #expect(throws: SeriesError.self) { try Series.combine(monthly, yearly, +) }
        let apart = Series(values: [1], index: TimeIndex(frequency: .month, start: 2030 * 12))
        #expect(throws: SeriesError.self) { try Series.combine(monthly, apart, +) }
    }

    @Test func differencingAndMovingAverages() throws {
        #expect(try monthly.differenced().values == [Double](repeating: 1, count: 23))
        #expect(try monthly.differenced(lag: 12).values == [Double](repeating: 12, count: 12))
        #expect(try monthly.differenced(differences: 2).values == [Double](repeating: 0, count: 22))
        #expect(throws: SeriesError.self) { try monthly.head(2).differenced(lag: 2) }
        let ma3 = try monthly.movingAverage(order: 3)
        #expect(ma3.values[0].isNaN && ma3.values[1] == 2 && ma3.values[23].isNaN)
        let ma4 = try monthly.movingAverage(order: 4)  // 2×4 MA: weights 1/8, 1/4, 1/4, 1/4, 1/8
        #expect(ma4.values[2] == 3 && ma4.values[1].isNaN && ma4.values[21] == 22 && ma4.values[22].isNaN)
        let trailing = try monthly.movingAverage(order: 3, centred: false)
        #expect(trailing.values[2] == 2 && trailing.values[1].isNaN)
    }

    @Test func gapsAreFilledOnlyAsAsked() throws {
        let gappy = Series(name: "g", values: [1, .nan, .nan, 4, .nan, 6])
        #expect(try gappy.fillingGaps(.zero).values == [1, 0, 0, 4, 0, 6])
        #expect(try gappy.fillingGaps(.previous).values == [1, 1, 1, 4, 4, 6])
        #expect(try gappy.fillingGaps(.linear).values == [1, 2, 3, 4, 5, 6])
        #expect(try gappy.fillingGaps(.na).missingPositions == [1, 2, 4])
        let leading = Series(values: [.nan, 2])
        #expect(throws: SeriesError.self) { try leading.fillingGaps(.previous) }
        #expect(throws: SeriesError.self) { try leading.fillingGaps(.linear) }
        do { try gappy.requireComplete(for: "acf") } catch {
            // Plain words here; the Lua binding says s:fill_gaps("linear") (WorkbenchTests' LuaWordingTests).
            #expect(
                error.message
                    == "acf: series 'g' has 3 missing values (2, 3, 5); fill them first, e.g. by linear interpolation")
        }
    }

    @Test func aggregationKeepsOnlyCompletePeriods() throws {
        let fromMarch = Series(
            values: (3...14).map(Double.init), index: TimeIndex(frequency: .month, start: 2020 * 12 + 2))
        let (quarterly, dropped) = try fromMarch.aggregated(to: .quarter, .sum)
        let expected: [Double] = [15, 24, 33]  // Apr–Jun, Jul–Sep, Oct–Dec
        #expect(quarterly.values == expected)
        #expect(quarterly.label(at: 0) == "2020-Q2")
        #expect(dropped == 3)  // March and the two months of 2021-Q1
        let start = CivilDate(year: 2024, month: 1, day: 30)!.daysSinceEpoch
        let daily = Series(values: [Double](repeating: 1, count: 60), index: TimeIndex(frequency: .day, start: start))
        let (months, lost) = try daily.aggregated(to: .month, .sum)
        #expect(months.values == [29] && months.label(at: 0) == "2024-02")  // a leap February
        #expect(lost == 31)
        let (weeks, _) = try daily.aggregated(to: .week, .mean)
        #expect(weeks.count == 8 && weeks.label(at: 1) == "2024-02-06")
        #expect(throws: SeriesError.self) { try monthly.aggregated(to: .day, .sum) }
    }

    @Test func boxCoxAndLogRefuseWhatTheyCannotTransform() throws {
        let s = Series(name: "z", values: [1, 0, 2])
        #expect(throws: SeriesError.self) { try s.log() }
        #expect(s.boxCox(lambda: -0.5).values[1].isInfinite)
        #expect(Series(values: [-1, 4]).boxCox(lambda: -0.5).values[0].isNaN)
        #expect(Series(values: [-1, 4]).boxCox(lambda: 0.5).values == [-4, 2])
    }

    @Test func statisticsExplainWhatTheyNeed() throws {
        let short = Series(name: "s", values: [1, 2, 3], index: TimeIndex(frequency: .month, start: 0))
        do { _ = try short.stl(seasonalWindow: .periodic) } catch {
            #expect(
                error.message == "stl: series 's' has 3 observations; STL needs at least two full cycles plus one (25)")
        }
        do { _ = try Series(values: [2, 2, 2]).autocorrelations(maxLag: 1) } catch {
            #expect(error.message.contains("is constant"))
        }
        #expect(throws: SeriesError.self) { try Series(values: [1, 2, 3]).nsdiffs() }
        #expect(try Series(values: [5, 5, 5, 5]).ndiffs() == 0)
    }
}
