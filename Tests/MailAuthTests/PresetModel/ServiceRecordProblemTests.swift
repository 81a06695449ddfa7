import Testing

@testable import MailAuth

struct ServiceRecordProblemTests {
    @Test func invalidValues() {
        #expect(ServiceRecordProblem.unknownType("SPF2").summary == "unknown record type SPF2")
        #expect(ServiceRecordProblem.unknownType("SPF2").fix == nil)
        #expect(
            ServiceRecordProblem.notTXT(value: "a\u{7}b", reason: "why").summary
                == "the value 'a\u{7}b' cannot be written as TXT: why")
        #expect(
            ServiceRecordProblem.notRData(value: "x", type: "SRV", reason: "why").summary
                == "the value 'x' is not valid SRV RDATA: why")
        #expect(
            ServiceRecordProblem.cnameTargetNotName(value: "a..b").summary
                == "CNAME target 'a..b' is not a domain name")
    }

    /// A 64 KB value is shown by its start and length.
    @Test func longValuesAreShortened() {
        let value = String(repeating: "a", count: 81)
        #expect(ServiceRecordProblem.shown(value) == "'\(String(repeating: "a", count: 40))…' (81 characters)")
        #expect(ServiceRecordProblem.shown("short") == "'short'")
    }

    @Test func domainConnectConflictRules() {
        let older = ServiceRecordProblem.olderRecords(name: "@", count: 2, prefix: "ms=")
        #expect(
            older.summary
                == "@ has 2 TXT records starting with 'ms=', the service's older records (txtConflictMatchingMode "
                + "Prefix): mailzone replaces one, not several")
        #expect(older.fix == "remove the older records from the zone, keeping at most one, then plan again")
        let one = ServiceRecordProblem.notAlone(name: "_verify", count: 1)
        #expect(
            one.summary
                == "_verify has a TXT record of its own, and the template's TXT record must stand alone there "
                + "(txtConflictMatchingMode All)")
        #expect(one.fix == "remove it from the zone if the service's record may take its place, then plan again")
        let two = ServiceRecordProblem.notAlone(name: "_verify", count: 2)
        #expect(two.summary.hasPrefix("_verify has 2 TXT records of its own"))
        #expect(two.fix == "remove them from the zone if the service's record may take their place, then plan again")
    }
}
