import Foundation
import Testing
import ZoneFile

@testable import MailZone

/// The apex records the zone state keeps for the editor (so it does not decode them again) are the zone's
/// apex records, decoded, by position: on every real zone.
struct ZoneStateApexTests {
    @Test("the state's apex records are the zone's, by position, once the apex is asked for")
    func apexRecordsAreTheZones() throws {
        var zones = 0
        for (corpusCase, origin, zone) in try ZoneStateTests.corpusZones() {
            var state = ZoneState(zone: zone)
            if let other = zone.owners.first(where: { $0 != origin }) { _ = state.records(at: other) }
            #expect(state.apexRecords == nil, "\(corpusCase.name): kept before the apex was asked for")
            _ = state.records(at: origin)
            let indices = zone.recordIndices(at: origin)
            let kept = try #require(state.apexRecords, "\(corpusCase.name)")
            #expect(kept.keys.sorted() == indices, "\(corpusCase.name)")
            for index in indices {
                #expect(kept[index] == zone.record(index: index), "\(corpusCase.name): \(index)")
                #expect(kept[index]?.source == zone.record(index: index).source, "\(corpusCase.name): \(index)")
            }
            zones += 1
        }
        #expect(zones > 5)
    }
}
