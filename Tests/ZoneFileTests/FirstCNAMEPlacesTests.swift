import Testing

@testable import ZoneFile

/// The CNAME checks name the first CNAME of an owner, whose place is noted in a list and indexed only
/// when a check first asks: the places must come out right when asked early, late, and in between.
@Suite struct FirstCNAMEPlacesTests {
    static func place(_ offset: UInt32, file: UInt16 = 0) -> ZoneChecks.Place {
        ZoneChecks.Place(file: file, offset: offset)
    }

    @Test func placesAskedBetweenNotings() {
        var places = FirstCNAMEPlaces()
        #expect(places.place(of: 7) == nil)
        places.append(owner: 7, place: Self.place(10))
        #expect(places.place(of: 7) == Self.place(10))
        places.append(owner: 3, place: Self.place(20, file: 2))
        places.append(owner: 9, place: Self.place(30))
        #expect(places.place(of: 9) == Self.place(30))
        #expect(places.place(of: 3) == Self.place(20, file: 2))
        #expect(places.place(of: 7) == Self.place(10))
        #expect(places.place(of: 4) == nil)
    }

    /// Conflicts early and late in a zone, with CNAME owners between them that break no rule, each
    /// name the line of its own owner's first CNAME.
    @Test func everyConflictNamesItsOwnFirstCNAME() throws {
        let text =
            DuplicateRecordTests.apex
            + "a CNAME x.example.net.\na A 192.0.2.1\nb CNAME y.example.net.\nc CNAME z.example.net.\n"
            + "d CNAME w.example.net.\nb CNAME v.example.net.\nd TXT \"t\"\nc CNAME u.example.net.\n"
        let zone = ZoneLoader.load(text: text, options: LoadOptions(origin: try DomainName(parsing: "example.")))
        let errors = zone.errors.map { "\($0.id) \($0.location?.line ?? 0) \($0.notes)" }
        #expect(
            errors == [
                "zone.cname-and-other 6 [\"the CNAME is at <input>:5; the A record at <input>:6\"]",
                "zone.multiple-cname 7 []",
                "zone.cname-and-other 11 [\"the CNAME is at <input>:9; the TXT record at <input>:11\"]",
                "zone.multiple-cname 8 []",
            ])
    }
}
