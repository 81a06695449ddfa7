import Testing

@testable import MailZone

/// `PlanNote.joined` joins the two remarks present as they come: it must give what the present remarks joined
/// with `; ` give (nil when that is empty), for every pair of remarks, absent, empty or not.
@Suite("Plan note joined")
struct PlanNoteJoinedTests {
    @Test("joined gives the present remarks joined, nil when that is empty")
    func joinedAsTheGeneralJoin() {
        let remarks: [String?] = [nil, "", "a", "b; c", "2048-bit RSA", String(repeating: "long remark ", count: 4)]
        var pairs = 0
        for first in remarks {
            for second in remarks {
                let general = [first, second].compactMap { $0 }.joined(separator: "; ")
                #expect(
                    PlanNote.joined(first, second) == (general.isEmpty ? nil : general),
                    "\(String(describing: first)), \(String(describing: second))")
                pairs += 1
            }
        }
        #expect(pairs == 36)
    }
}
