import TestSupport
import Testing
import ZoneFile

@testable import DNSClient

/// Reading real BIND answers: compressed owners and RDATA names, split TXT strings, EDNS,
/// RCODEs, truncation. Each decoding is compared with its golden `.expected` file.
struct DNSMessageDecodingTests {
    @Test(arguments: CapturedMessages.names)
    func capturedAnswerDecodesToItsGolden(name: String) throws {
        let capture = try CapturedMessages.load(name)
        let message = try DNSMessage(decoding: capture.response)
        GoldenFile.assert(
            message.description, at: CapturedMessages.directory.appendingPathComponent(name + ".expected"))
    }

    @Test(arguments: CapturedMessages.names)
    func queryMailzoneBuildsIsTheCapturedQuery(name: String) throws {
        let capture = try CapturedMessages.load(name)
        let captured = try DNSMessage(decoding: capture.query)
        let question = try #require(captured.questions.first)
        let built = DNSMessage.query(
            id: captured.header.id, name: question.name, type: question.type,
            edns: captured.edns.map { EDNS(udpPayloadSize: $0.udpPayloadSize) })
        #expect(try built.encoded() == capture.query)
    }

    @Test func compressedNamesInRDataAreExpanded() throws {
        let message = try DNSMessage(decoding: try CapturedMessages.load("soa-apex").response)
        let soa = try #require(message.answers.first)
        #expect(
            soa.rdata.presentation
                == "ns1.sampledomain.com. hostmaster.sampledomain.com. 2026113001 7200 3600 1209600 300")
        // The SOA's names were pointers in the message; the RDATA holds them in full.
        #expect(soa.rdata.wire.count == 22 + 29 + 20)
        let ns = try #require(message.authority.first)
        #expect(ns.rdata == (try RData(type: .ns, presentation: "ns1.sampledomain.com.")))
    }

    @Test func splitDKIMKeyKeepsItsStrings() throws {
        let message = try DNSMessage(decoding: try CapturedMessages.load("txt-dkim-2048-split").response)
        let txt = try #require(message.answers.first)
        #expect(txt.rdata.characterStrings.map(\.count) == [255, 155])
        #expect(message.edns?.udpPayloadSize == 1232)
        #expect(message.header.isAuthoritative)
    }

    @Test func truncatedAnswerWithoutEDNSSaysTC() throws {
        let message = try DNSMessage(decoding: try CapturedMessages.load("txt-4096-truncated-udp").response)
        #expect(message.header.isTruncated)
        #expect(message.answers.isEmpty)
        #expect(message.edns == nil)
        let overTCP = try DNSMessage(decoding: try CapturedMessages.load("txt-4096-tcp").response)
        #expect(!overTCP.header.isTruncated)
        #expect(overTCP.answers.first?.rdata.characterStrings.map(\.count) == [255, 255, 244])
    }

    @Test func responseCodes() throws {
        #expect(try DNSMessage(decoding: try CapturedMessages.load("nxdomain-soa").response).rcode == .nameError)
        #expect(try DNSMessage(decoding: try CapturedMessages.load("refused-other-zone").response).rcode == .refused)
        #expect(try DNSMessage(decoding: try CapturedMessages.load("nodata-aaaa").response).rcode == .noError)
        #expect(DNSRCode.nameError.description == "NXDOMAIN")
        #expect(DNSRCode(rawValue: 42).description == "RCODE42")
    }

    @Test func extendedRCodeJoinsHeaderAndOPT() throws {
        var message = DNSMessage(
            header: DNSHeader(id: 7, isResponse: true, rcodeLow: 0),
            edns: EDNS(udpPayloadSize: 1232, extendedRCode: 1))
        #expect(message.rcode == .badVersion)
        message = try DNSMessage(decoding: try message.encoded())
        #expect(message.rcode == .badVersion)
        #expect(message.rcode.description == "BADVERS")
    }

    @Test func cnameChainIsFollowedInTheAnswer() throws {
        let message = try DNSMessage(decoding: try CapturedMessages.load("cname-chain").response)
        let question = try #require(message.questions.first)
        let answer = DNSAnswer(question: question, response: message, transport: .udp)
        #expect(answer.aliases.map(\.description) == ["alias.sampledomain.com. 3600 IN CNAME target.sampledomain.com."])
        #expect(answer.finalName.description == "target.sampledomain.com.")
        #expect(answer.records.map(\.rdata.presentation) == ["\"hello\""])
    }
}
