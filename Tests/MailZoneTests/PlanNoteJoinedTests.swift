import Testing

@testable import MailZone

/// `PlanNote.joined` joins the remarks present as they come: it must give what the present remarks joined with
/// `; ` give (nil when that is empty), for every list of up to three remarks, absent, empty or not.
@Suite("Plan note joined")
struct PlanNoteJoinedTests {
    @Test("joined gives the present remarks joined, nil when that is empty")
    func joinedAsTheGeneralJoin() {
        let remarks: [String?] = [nil, "", "a", "b; c", "2048-bit RSA", String(repeating: "long remark ", count: 4)]
        var lists: [[String?]] = [[]]
        var longest: [[String?]] = [[]]
        for _ in 0..<3 {
            longest = longest.flatMap { list in remarks.map { list + [$0] } }
            lists += longest
        }
        for list in lists {
            let general = list.compactMap { $0 }.joined(separator: "; ")
            #expect(PlanNote.joined(list) == (general.isEmpty ? nil : general), "\(list)")
        }
        #expect(lists.count == 1 + 6 + 36 + 216)
    }
}
