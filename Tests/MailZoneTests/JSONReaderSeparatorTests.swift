import Testing

@testable import MailZone

/// Objects and arrays share one reading loop in the template reader: each kind's empty form,
/// missing separator and trailing comma are reported as before, at the byte at fault.
struct JSONReaderSeparatorTests {
    @Test(arguments: [
        (#"{"a": 1,}"#, "1:9", "a comma before '}' is not allowed in JSON", "remove the last comma"),
        (#"{"a": [1,]}"#, "1:10", "a comma before ']' is not allowed in JSON", "remove the last comma"),
        (
            #"{"a": 1 "b": 2}"#, "1:9", #"expected ',' or '}' after the value of "a", found '"'"#,
            "separate members with commas"
        ),
        (#"{"a": [1 2]}"#, "1:10", "expected ',' or ']' after an array item, found '2'", nil),
        (#"{"a" 1}"#, "1:6", #"expected ':' after the member name "a", found '1'"#, nil),
        (#"{1: 2}"#, "1:2", "expected a member name in double quotes, found '1'", nil),
        (#"{"a": [1"#, "1:9", "expected ',' or ']' after an array item, found the end of the file", nil),
    ])
    func aBrokenSeparatorIsReportedAtTheByteAtFault(json: String, at: String, message: String, fix: String?) {
        #expect(
            DomainConnectTests.errors(reading: json)
                == "t.json:\(at): error: the template is not valid JSON: \(message)\n"
                + (fix.map { "    fix: \($0)\n" } ?? ""))
    }

    @Test func emptyObjectsAndArraysAreRead() throws {
        let value = try JSONReader.parse(Array(#"{"a": [], "b": {}, "c": [ ], "d": { }}"#.utf8), file: "t.json")
        guard case .object(let members) = value.content else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(members.map(\.key.value) == ["a", "b", "c", "d"])
        #expect(
            members.map(\.value.content) == [.array([]), .object([]), .array([]), .object([])])
    }
}
