// libFuzzer harness for DateParser (Sources/TimeSeries/DateParser.swift): the
// whole input is one date field, parsed in each order (iso, dmy, mdy) from bytes
// and from a String, plus the exact-YYYY-MM-DD fast path and TimeIndex's labels.
//
// Besides crashes, three properties are checked (a failure is a finding):
// - parse(bytes:) and parse(String) agree on valid UTF-8 (the CSV reader uses the
//   first, scripts the second);
// - isoDayNumber, when it accepts the text, agrees with the general ISO parser;
// - a parsed date's ordinal, written as a label (TimeIndex.label) and read back
//   (TimeIndex.ordinal(ofLabel:)), gives the same ordinal at every frequency it
//   can be expressed in (saved models store their start this way).

import TimeSeries

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    let validUTF8 = text.utf8.elementsEqual(bytes)

    if let days = DateParser.isoDayNumber(bytes) {
        check(
            DateParser.iso.parse(bytes: bytes) == .day(CivilDate(daysSinceEpoch: days)),
            "isoDayNumber(\(text)) = \(days) disagrees with the ISO parser")
    }
    for order in DateParser.Order.allCases {
        let parser = DateParser(order: order)
        let parsed = parser.parse(bytes: bytes)
        if validUTF8 {
            check(parser.parse(text) == parsed, "\(order): parse(bytes:) and parse(String) disagree on '\(text)'")
        }
        guard let parsed else { continue }
        _ = parsed.finestFrequency
        for frequency in Frequency.allCases {
            guard let ordinal = parsed.ordinal(for: frequency) else { continue }
            let label = TimeIndex.label(ordinal: ordinal, frequency: frequency)
            let back = TimeIndex(frequency: frequency, start: 0).ordinal(ofLabel: label)
            check(
                back == ordinal,
                "\(order) '\(text)' → \(parsed) → \(frequency) ordinal \(ordinal) → label '\(label)' → \(back.map(String.init) ?? "nil")"
            )
        }
    }
    for frequency in Frequency.allCases {
        _ = TimeIndex(frequency: frequency, start: 0).ordinal(ofLabel: text)
    }
    _ = Frequency(name: text)
    return 0
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("FuzzDates: \(message())") }
}
