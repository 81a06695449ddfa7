import Testing

@testable import MailAuth

struct DKIMConflictTests {
    @Test func invalidWantedKeyGivesTheProblemsFixOrAskForTheValueAgain() {
        let missing = DKIMConflict.invalidWanted(name: "qcloud._domainkey", problem: .missingKey)
        #expect(
            missing.summary
                == "the DKIM key for qcloud._domainkey is not a valid key record: \(DKIMProblem.missingKey.summary)")
        #expect(missing.fix == DKIMProblem.missingKey.fix ?? "copy the record value from the service's console again")
        let notForEmail = DKIMConflict.invalidWanted(name: "s1._domainkey", problem: .notForEmail("s=tls"))
        #expect(notForEmail.fix == DKIMProblem.notForEmail("s=tls").fix)
    }

    @Test func severalKeysAtASelector() {
        let problem = DKIMConflict.multipleKeys(name: "s1._domainkey", count: 2)
        #expect(problem.summary == "s1._domainkey has 2 DKIM key records; a selector has one key")
        #expect(problem.fix == "remove all but one of them, then plan again")
    }

    @Test func notWritableAsTXT() {
        let problem = DKIMConflict.notWritable(reason: "control character U+0007")
        #expect(problem.summary == "the DKIM value cannot be written as TXT: control character U+0007")
        #expect(problem.fix == "remove control characters from the value")
    }
}
