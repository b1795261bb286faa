import Testing
import TimeSeries

@Suite struct CalendarTests {
    @Test func civilDatesRoundTripAcrossFourCenturies() {
        // Every day from 1800-01-01 to 2200-12-31 converts and back; known anchors are right.
        let start = CivilDate(year: 1800, month: 1, day: 1)!.daysSinceEpoch
        let end = CivilDate(year: 2200, month: 12, day: 31)!.daysSinceEpoch
        var previous: CivilDate?
        for d in start...end {
            let date = CivilDate(daysSinceEpoch: d)
            #expect(date.daysSinceEpoch == d)
            if let p = previous { #expect(p < date) }
            previous = date
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.daysSinceEpoch == 11017)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2026, month: 11, day: 22)!.weekday == 7)  // a Sunday
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.weekday == 4)  // a Thursday
    }

    @Test func datesParseInEveryAcceptedForm() {
        let iso = DateParser.iso
        #expect(iso.parse("2020-03-04") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(iso.parse("2020/3/4") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(iso.parse("2020-03-04T00:00:00") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(iso.parse("2020-03-04 00:00") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(iso.parse("2020-03") == .month(year: 2020, month: 3))
        #expect(iso.parse("2020-Q2") == .quarter(year: 2020, quarter: 2))
        #expect(iso.parse("2020Q4") == .quarter(year: 2020, quarter: 4))
        #expect(iso.parse("2020") == .year(2020))
        #expect(DateParser(order: .dayFirst).parse("04/03/2020") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(DateParser(order: .dayFirst).parse("4.3.2020") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        #expect(DateParser(order: .monthFirst).parse("03/04/2020") == .day(CivilDate(year: 2020, month: 3, day: 4)!))
        for bad in [
            "", "2020-13", "2020-02-30", "2020-Q5", "20-01-01", "2020-01-01T12:30", "2020-01/01", "abc", "04/03/2020",
        ] {
            #expect(iso.parse(bad) == nil, "\(bad)")
        }
        #expect(DateParser(order: .dayFirst).parse("31/02/2020") == nil)
    }

    @Test func indexLabelsAndOrdinalsAgree() {
        let month = TimeIndex(frequency: .month, start: 2019 * 12 + 10)
        #expect((0..<4).map { month.label(at: $0) } == ["2019-11", "2019-12", "2020-01", "2020-02"])
        #expect(month.ordinal(ofLabel: "2020-01") == 2020 * 12)
        let quarter = TimeIndex(frequency: .quarter, start: 1960 * 4)
        #expect(quarter.label(at: 5) == "1961-Q2")
        let week = TimeIndex(frequency: .week, start: CivilDate(year: 2024, month: 1, day: 1)!.daysSinceEpoch)
        #expect(week.label(at: 1) == "2024-01-08")
        #expect(week.position(of: week.ordinal(at: 3)) == 3)
        #expect(week.position(of: week.ordinal(at: 3) + 1) == nil)  // not on the weekly grid
        #expect(TimeIndex(frequency: .year, start: 1871).label(at: 99) == "1970")
        #expect(TimeIndex.positions.label(at: 0) == "1")
        #expect(TimeIndex(frequency: .month, start: -1).label(at: 0) == "-0001-12")
    }

    @Test func frequencyNamesAndPeriods() {
        #expect(Frequency(name: "Monthly") == .month)
        #expect(Frequency(name: "q") == .quarter)
        #expect(Frequency(name: "fortnight") == nil)
        #expect(Frequency.month.defaultSeasonalPeriod == 12)
        #expect(Frequency.day.defaultSeasonalPeriod == 7)
    }

    /// The seasonal phase is read off the calendar: January is 0 whatever the series' start.
    @Test func seasonalPhaseFollowsTheCalendar() {
        let march2019 = TimeIndex(
            frequency: .month, start: TimeIndex.ordinal(of: CivilDate(year: 2019, month: 3, day: 1)!, frequency: .month)
        )
        #expect(
            (0..<14).map { march2019.seasonalPhase(at: $0, period: 12) } == [
                2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 1, 2, 3,
            ])
        let q3 = TimeIndex(frequency: .quarter, start: 2020 * 4 + 2)
        #expect((0..<4).map { q3.seasonalPhase(at: $0, period: 4) } == [2, 3, 0, 1])
        // Days: seven distinct phases, the same one a week later, also before 1970.
        let day = TimeIndex(frequency: .day, start: CivilDate(year: 1969, month: 12, day: 25)!.daysSinceEpoch)
        let week = (0..<7).map { day.seasonalPhase(at: $0, period: 7) }
        #expect(Set(week).count == 7 && (7..<14).map { day.seasonalPhase(at: $0, period: 7) } == week)
        let weeks = TimeIndex(frequency: .week, start: CivilDate(year: 2024, month: 1, day: 1)!.daysSinceEpoch)
        #expect(weeks.seasonalPhase(at: 52, period: 52) == weeks.seasonalPhase(at: 0, period: 52))
        #expect(
            TimeIndex.positions.seasonalPhase(at: 0, period: 4) == 0
                && TimeIndex.positions.seasonalPhase(at: 5, period: 4) == 1)
    }
}
