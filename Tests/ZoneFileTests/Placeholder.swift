import Testing
@testable import ZoneFile
@Test func placeholderZoneFile() { #expect(Bool(true)) }
