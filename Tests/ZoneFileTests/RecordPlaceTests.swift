import Foundation
import Testing

@testable import ZoneFile

/// Where a record is written, read from the record table alone, is where the built record says it is.
struct RecordPlaceTests {
    @Test("the place of every record of every corpus file is its built record's source")
    func placeIsTheRecordsSource() throws {
        var compared = 0
        for (relative, zone) in TestPaths.corpusZonesAtRoot() {
            for index in 0..<zone.store.count {
                let source = try #require(zone.record(index: index).source)
                let place = zone.place(ofRecord: index)
                #expect(place.fileIndex == source.fileIndex, "\(relative) record \(index)")
                #expect(place.entryIndex == source.entryIndex, "\(relative) record \(index)")
                #expect(place.generated == source.generated, "\(relative) record \(index)")
                compared += 1
            }
        }
        #expect(compared > 5_000, "only \(compared) records compared")
    }
}
