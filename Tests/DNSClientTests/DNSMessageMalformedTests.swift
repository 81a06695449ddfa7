import Testing
import ZoneFile

@testable import DNSClient

/// Damaged and hostile messages are refused with an error that says where, never a crash or a hang.
struct DNSMessageMalformedTests {
    /// A header for one answer record, followed by `body`.
    private func message(answers: UInt16 = 1, _ body: [UInt8]) -> [UInt8] {
        [0, 1, 0x84, 0, 0, 0, UInt8(answers >> 8), UInt8(answers & 0xFF), 0, 0, 0, 0] + body
    }

    @Test(arguments: CapturedMessages.names)
    func everyPrefixOfACapturedAnswerIsRefused(name: String) throws {
        let bytes = try CapturedMessages.load(name).response
        for length in 0..<bytes.count {
            #expect(throws: DNSMessageError.self) { try DNSMessage(decoding: Array(bytes.prefix(length))) }
        }
    }

    @Test func pointerToItselfIsRefused() {
        #expect(throws: DNSMessageError.badPointer(offset: 12, target: 12)) {
            try DNSMessage(decoding: message([0xC0, 12]))
        }
    }

    @Test func pointerLoopIsRefused() {
        // Offset 12: label "a", then a pointer to 12: the chain would never end.
        #expect(throws: DNSMessageError.badPointer(offset: 14, target: 12)) {
            try DNSMessage(decoding: message([1, 0x61, 0xC0, 12]))
        }
    }

    @Test func forwardPointerIsRefused() {
        #expect(throws: DNSMessageError.badPointer(offset: 12, target: 200)) {
            try DNSMessage(decoding: message([0xC0, 200]))
        }
    }

    @Test func extendedLabelTypeIsRefused() {
        #expect(throws: DNSMessageError.unsupportedLabelType(offset: 12, octet: 0x41)) {
            try DNSMessage(decoding: message([0x41, 0]))
        }
    }

    @Test func nameOver255OctetsIsRefused() {
        var body: [UInt8] = []
        for _ in 0..<5 { body += [63] + [UInt8](repeating: 0x61, count: 63) }
        body.append(0)
        #expect(throws: DNSMessageError.nameTooLong(offset: 12)) { try DNSMessage(decoding: message(body)) }
    }

    @Test func rdataLongerThanItsNameIsRefused() {
        // Root owner, type NS, class IN, TTL 0, RDLENGTH 3 holding the root name and two spare octets.
        let record: [UInt8] = [0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0xAA, 0xBB]
        #expect(throws: DNSMessageError.rdataLength(type: "NS", offset: 23, declared: 3, used: 1)) {
            try DNSMessage(decoding: message(record))
        }
    }

    @Test func trailingOctetsAreRefused() {
        #expect(throws: DNSMessageError.trailingOctets(count: 2)) {
            try DNSMessage(decoding: message(answers: 0, [1, 2]))
        }
    }

    @Test func secondOPTIsRefused() {
        let opt: [UInt8] = [0, 0, 41, 4, 0xD0, 0, 0, 0, 0, 0, 0]
        let bytes: [UInt8] = [0, 1, 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 2] + opt + opt
        #expect(throws: DNSMessageError.badOPT(offset: 23)) { try DNSMessage(decoding: bytes) }
    }

    @Test func errorsSayWhereTheProblemIs() {
        #expect(
            DNSMessageError.badPointer(offset: 14, target: 12).description
                == "the compression pointer at offset 14 points to 12, which is not an earlier name")
        #expect(
            DNSMessageError.truncated(what: "record", offset: 40).description
                == "the message ends inside the record that starts at offset 40")
    }
}
