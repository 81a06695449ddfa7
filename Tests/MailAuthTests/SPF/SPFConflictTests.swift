import Testing

@testable import MailAuth

struct SPFConflictTests {
    /// Several SPF records where the sender can ask for a fold: the same summary, the fold as the fix.
    @Test func multipleRecordsToFold() {
        let records = ["v=spf1 include:a.example -all", "v=spf1 include:b.example ~all"]
        let plain = SPFConflict.multipleRecords(name: "@", records: records)
        let foldable = SPFConflict.multipleRecordsToFold(name: "@", records: records)
        #expect(foldable.summary == plain.summary)
        #expect(
            foldable.fix
                == "set `spf: { fold: true }` for this sender to fold them into one (the strictest `all` is kept), "
                + "or fold them by hand, then plan again")
    }

    @Test func notWritableAsTXT() {
        let conflict = SPFConflict.notWritable(reason: "why")
        #expect(conflict.summary == "the merged SPF record cannot be written: why")
        #expect(conflict.fix == nil)
    }
}
