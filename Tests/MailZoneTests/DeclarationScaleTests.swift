import Foundation
import Testing

@testable import MailZone

/// A large hostile declaration (as many values as the node limit allows) is refused or
/// loaded in linear time and memory: no message lists every zone for every sender. The work
/// is measured by what is written: each message has a bounded length, whatever the count.
@Suite struct DeclarationScaleTests {
    @Test func thousandsOfSendersInNoZone() throws {
        let count = 1_500
        var yaml = "version: 1\nzones:\n"
        for index in 0..<count { yaml += "  - origin: z\(index).example.\n    file: z\(index)\n" }
        yaml += "senders:\n"
        for index in 0..<count { yaml += "  - domain: s\(index).other\n    services: [{preset: tencent-ses}]\n" }
        let errors = try #require(try DeclarationFixtures.refusal(of: yaml))
        let outside = errors.errors.filter { $0.message.contains("is in none of the declared zones") }
        #expect(outside.count == count)
        #expect(
            outside.first?.message
                == "the sender s0.other is in none of the declared zones (z0.example., z1.example., z2.example., z3.example., z4.example. and 1495 more)"
        )
        // Every message names at most five zones: linear in the senders, not senders × zones.
        #expect(outside.allSatisfy { $0.message.utf8.count <= 160 })
        #expect(errors.description.utf8.count < 1_000_000)
    }
}
