import Testing
@testable import CoauthorCore

/// `OptionalYears` stores years in 4 bytes: every value, nil included, must read back as given,
/// and a year outside `Int32` must switch the column to wide storage without losing the others.
@Suite struct OptionalYearsTests {
    @Test func yearsAndGapsReadBackAsGiven() {
        let given: [Int?] = [1999, nil, 2024, -44, nil, Int(Int32.max), Int(Int32.min) + 1]
        let column = OptionalYears(given)
        #expect(Array(column) == given)
        #expect(column.count == 7 && column[1] == nil && column[3] == -44)
    }

    @Test func aYearBeyondInt32KeepsEveryValue() {
        var column = OptionalYears([2001, nil])
        column.append(Int(Int32.min))
        column.append(Int(Int32.max) + 1)
        column.append(nil)
        column.append(1990)
        #expect(Array(column) == [2001, nil, Int(Int32.min), Int(Int32.max) + 1, nil, 1990])
        #expect(column == OptionalYears([2001, nil, Int(Int32.min), Int(Int32.max) + 1, nil, 1990]))
        #expect(column != OptionalYears([2001, nil]))
    }
}
