import Testing

@testable import MailZone

/// A created record's marker lists the services that asked for it without repeats (`SenderPlanner.distinct`),
/// the list itself when it has none: it must give what dropping each repeat gives, for every list of up to
/// three services, canonically equivalent names among them (`String` holds them equal, as the marker did).
@Suite("Marker services")
struct MarkerServicesTests {
    @Test("distinct gives the services without repeats, in order")
    func distinctAsDroppingRepeats() {
        let names = ["tencent-ses", "google-workspace", "caf\u{E9}", "cafe\u{301}"]
        var lists: [[String]] = [[]]
        var longest: [[String]] = [[]]
        for _ in 0..<3 {
            longest = longest.flatMap { list in names.map { list + [$0] } }
            lists += longest
        }
        var repeated = 0
        for list in lists {
            var general: [String] = []
            for name in list where !general.contains(name) { general.append(name) }
            let distinct = SenderPlanner.distinct(list)
            #expect(distinct.map { Array($0.utf8) } == general.map { Array($0.utf8) }, "\(list)")
            if general.count < list.count { repeated += 1 }
        }
        #expect(lists.count == 1 + 4 + 16 + 64)
        #expect(repeated > 20)
    }
}
