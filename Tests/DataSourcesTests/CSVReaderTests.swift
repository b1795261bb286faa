import DataSources
import Foundation
import TestSupport
import Testing
import TimeSeries

/// Writes `text` to a temporary CSV and reads it with `options`.
func readCSV(_ text: String, _ configure: (inout TableOptions) -> Void = { _ in }) throws(DataError) -> TableContents {
    let path = temporaryFolder("csv") + "/data.csv"
    writeFile(path, text)
    var options = TableOptions()
    configure(&options)
    return try CSVReader.read(path: path, options: options)
}

func csvError(_ text: String, _ configure: (inout TableOptions) -> Void = { _ in }) -> String {
    do {
        _ = try readCSV(text, configure)
        return "(no error)"
    } catch {
        // Drop the temporary folder from the message.
        return error.message.replacingOccurrences(of: #"^.*/data\.csv"#, with: "data.csv", options: .regularExpression)
    }
}

extension TableContents {
    var series: Series? { if case .series(let s) = self { return s } else { return nil } }
    var panel: Panel? { if case .panel(let p) = self { return p } else { return nil } }
}

@Suite struct CSVReaderTests {
    @Test func aSingleSeriesWithInferredMonthlyCalendar() throws {
        let s = try #require(try readCSV("date,sales\n2020-01,10\n2020-02,12.5\n2020-03,11\n").series)
        #expect(s.values == [10, 12.5, 11])
        #expect(s.frequency == .month && s.label(at: 0) == "2020-01" && s.seasonalPeriod == 12)
    }

    @Test func dailyDatesInferTheirCalendar() throws {
        let weekly = try #require(try readCSV("date,v\n2024-01-01,1\n2024-01-08,2\n2024-01-15,3\n").series)
        #expect(weekly.frequency == .week && weekly.seasonalPeriod == 52)
        let monthly = try #require(try readCSV("date,v\n2024-01-31,1\n2024-02-29,2\n2024-03-31,3\n").series)
        #expect(monthly.frequency == .month && monthly.labels == ["2024-01", "2024-02", "2024-03"])
        let daily = try #require(try readCSV("date,v\n2024-02-28,1\n2024-02-29,2\n2024-03-01,3\n").series)
        #expect(daily.frequency == .day && daily.count == 3)
        let quarterly = try #require(try readCSV("date,v\n1960-Q1,1\n1960-Q2,2\n").series)
        #expect(quarterly.frequency == .quarter)
        let forced = try #require(try readCSV("date,v\n2024-01-05,1\n2024-02-05,2\n") { $0.frequency = .month }.series)
        #expect(forced.labels == ["2024-01", "2024-02"])
    }

    @Test func longFormBecomesAPanelWithCovariatesAndAttributes() throws {
        let text = """
            sku,date,qty,price,category
            B,2024-01-01,5,2.5,toys
            A,2024-01-01,1,9.99,food
            A,2024-01-02,2,9.99,food
            B,2024-01-02,,2.5,toys
            A,2024-01-03,3,8.99,food

            """
        let p = try #require(
            try readCSV(text) {
                $0.key = "sku"; $0.value = "qty"; $0.covariates = ["price"]; $0.attributes = ["category"]
            }.panel)
        #expect(p.keys == ["A", "B"])
        #expect(p.series("A")?.values == [1, 2, 3])
        // An empty cell is a missing value.
        #expect(p.series("B")?.values.count == 2 && p.series("B")?.values[1].isNaN == true)
        #expect(p["A"]?.covariates["price"] == [9.99, 9.99, 8.99])
        #expect(p["B"]?.attributes["category"] == .text("toys"))
    }

    @Test func wideFormMakesOneSeriesPerColumn() throws {
        let p = try #require(try readCSV("date,north,south\n2020,1,2\n2021,3,4\n").panel)
        #expect(p.keys == ["north", "south"])
        #expect(p.series("south")?.values == [2, 4] && p.series("south")?.frequency == .year)
    }

    @Test func quotingLineEndingsAndTheByteOrderMark() throws {
        // A BOM, quoted header names, CRLF line ends, and a note column holding a comma,
        // doubled quotes and a newline; the value column alone is read.
        let text =
            "\u{FEFF}\"date\",\"value\",\"note\"\r\n2020-01,\"1.5\",\"a, \"\"quoted\"\" note\"\r\n2020-02,2,\"two\nlines\"\r\n2020-03,x,ok\r\n"
        // The newline inside quotes counts.
        #expect(csvError(text) { $0.value = "value" } == "data.csv:5: column 'value': 'x' is not a number")
        let fixed = text.replacingOccurrences(of: "2020-03,x", with: "2020-03,3")
        let s = try #require(try readCSV(fixed) { $0.value = "value" }.series)
        #expect(s.values == [1.5, 2, 3])
        let semicolons = try #require(
            try readCSV("date;value\n2020-01;1\n2020-02;2\n") { $0.delimiter = UInt8(ascii: ";") }.series)
        #expect(semicolons.values == [1, 2])
    }

    @Test func numbersParseExactly() throws {
        let s = try #require(
            try readCSV(
                "date,v\n2020,0.1\n2021,-3.5e2\n2022,12345678901234567890\n2023,1.7976931348623157e308\n2024,NA\n2025,  7 \n"
            ).series)
        #expect(s.values[0] == 0.1 && s.values[1] == -350)
        #expect(s.values[2] == 12345678901234567890.0)
        #expect(s.values[3] == .greatestFiniteMagnitude)
        #expect(s.values[4].isNaN && s.values[5] == 7)
    }

    @Test func dayFirstAndMonthFirstDatesAreChosenExplicitly() throws {
        let text = "date,v\n04/03/2020,1\n05/03/2020,2\n"
        #expect(
            csvError(text).contains(
                "'04/03/2020' is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY; for 31/12/2020 give date_format = \"dmy\""
            ))
        let dmy = try #require(try readCSV(text) { $0.dateOrder = .dayFirst }.series)
        #expect(dmy.label(at: 0) == "2020-03-04" && dmy.frequency == .day)
        let mdy = try #require(try readCSV(text) { $0.dateOrder = .monthFirst }.series)
        #expect(mdy.label(at: 0) == "2020-04" && mdy.frequency == .month)  // April 3 and May 3: monthly
    }

    @Test func badDataIsNamedByFileLineAndColumn() {
        #expect(
            csvError("date,qty\n2020-01,1\n") { $0.value = "quantity" }
                == "data.csv: no value column 'quantity'; the columns are: date, qty")
        #expect(
            csvError("date,sku,quantity\n2020-01,A,1\n") {
                $0.key = "sku"; $0.value = "quantty"
            }
                == "data.csv: no value column 'quantty' (did you mean 'quantity'?); the columns are: date, sku, quantity"
        )
        #expect(
            csvError("date,v\n2020-01,1\n2020-13,2\n")
                == "data.csv:3: column 'date': '2020-13' is not a date (expected YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY; for 31/12/2020 give date_format = \"dmy\", for 12/31/2020 \"mdy\")"
        )
        #expect(csvError("date,v\n2020-01,1\n2020-02,abc\n") == "data.csv:3: column 'v': 'abc' is not a number")
        #expect(csvError("date,v\n2020-01,1\n2020-02,2,3\n") == "data.csv:3: 3 fields, but the header has 2 (date, v)")
        #expect(
            csvError("date,v\n2020-01,1\n2020-01,2\n")
                == "data.csv:3: 2020-01 appears twice (also on line 2); at freq = \"month\" each period may appear once — sum them first or pick a finer freq"
        )
        #expect(
            csvError("date,v\n2020-01,1\n2020-02-05,2\n")
                == "data.csv:3: column 'date': '2020-02-05' is a day but line 2 has a month; use one form throughout")
        #expect(csvError("date,v\n2020-01,1\n2020-02,\"2\n") == "data.csv:3: a quoted field is never closed")
        #expect(csvError("") == "data.csv: the file is empty")
        #expect(csvError("date,v\n") == "data.csv: there are no data rows under the header")
        #expect(csvError("date,v,v\n2020,1,2\n") == "data.csv: the header names column 'v' twice")
        #expect(
            csvError("sku,date,q,cat\nA,2020,1,x\nA,2021,2,y\n") {
                $0.key = "sku"; $0.attributes = ["cat"]
            }
                == "data.csv:3: column 'cat': 'y' differs from 'x' on line 2 for key 'A'; an attribute must be the same on every row of a key"
        )
    }

    @Test func anIrregularWeeklyCalendarIsRefused() {
        #expect(
            csvError("date,v\n2024-01-01,1\n2024-01-08,2\n2024-01-16,3\n") { $0.frequency = .week }
                == "data.csv:4: 2024-01-16 is not a whole number of weeks after 2024-01-01; weekly data must fall on the same weekday (irregular calendar)"
        )
        #expect(
            csvError("date,v\n2024-01-01,1\n2024-01-04,2\n")
                == "data.csv: dates are 3 days apart, which is no calendar Almanac knows; give freq = \"day\", \"week\", \"month\", \"quarter\" or \"year\""
        )
    }

    @Test func gapsAreAnErrorUntilTheCallerChoosesAFill() throws {
        let text = "sku,date,q\nA,2024-01,1\nA,2024-02,2\nA,2024-05,5\n"
        #expect(
            csvError(text) { $0.key = "sku" }
                == "data.csv: 2 dates are missing for 'A' (2024-03, 2024-04); Almanac never fills gaps silently: pass fill_gaps = \"zero\", \"previous\", \"linear\" or \"na\""
        )
        func filled(_ method: Series.GapFill) throws -> [Double] {
            try readCSV(text) {
                $0.key = "sku"; $0.fillGaps = method
            }.panel?.series("A")?.values ?? []
        }
        #expect(try filled(.zero) == [1, 2, 0, 0, 5])
        #expect(try filled(.previous) == [1, 2, 2, 2, 5])
        #expect(try filled(.linear) == [1, 2, 3, 4, 5])
        #expect(try filled(.na).filter(\.isNaN).count == 2)
        // Covariates carry their last value over filled dates.
        let withPrice = "sku,date,q,price\nA,2024-01,1,9\nA,2024-03,3,8\n"
        let p = try readCSV(withPrice) {
            $0.key = "sku"; $0.value = "q"; $0.covariates = ["price"]; $0.fillGaps = .zero
        }.panel
        #expect(p?["A"]?.covariates["price"] == [9, 9, 8])
    }

    @Test func rowsNeedNotBeSorted() throws {
        let s = try #require(try readCSV("date,v\n2020-03,3\n2020-01,1\n2020-02,2\n").series)
        #expect(s.values == [1, 2, 3] && s.label(at: 0) == "2020-01")
    }

    /// freq = "none": the date column numbers the periods (as the M competitions' files do).
    @Test func periodNumbersInsteadOfDates() throws {
        let s = try #require(try readCSV("t,y\n2,6\n1,5\n3,7\n") { $0.frequency = Frequency.none }.series)
        #expect(s.values == [5, 6, 7] && s.frequency == Frequency.none)
        #expect(
            csvError("t,y\n1,5\n2.5,6\n") { $0.frequency = Frequency.none }
                == "data.csv:3: column 't': '2.5' is not a whole number (with freq = \"none\" the date column numbers the periods 1, 2, 3, …)"
        )
    }

    @Test func aMissingFileIsSaidPlainly() {
        #expect(throws: DataError.self) { try CSVReader.read(path: "/nonexistent/x.csv") }
        do { _ = try CSVReader.read(path: "/nonexistent/x.csv") } catch {
            #expect(error.message == "/nonexistent/x.csv: no such file")
        }
    }
}
