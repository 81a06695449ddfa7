import Crypto
import Testing
import ZoneFile

@testable import DNSClient

/// TSIG (RFC 8945): the request's MAC covers the message and the TSIG variables; a response is
/// believed only with a MAC over the request's MAC, itself and its variables (§5.3).
struct TSIGTests {
    static let key = TSIGKey(
        name: DomainName(wire: [3, 0x6B, 0x65, 0x79, 0]) ?? .root, secret: Array(repeating: 7, count: 32))

    private func message(id: UInt16, response: Bool) throws -> [UInt8] {
        var message = DNSUpdate(zone: try DomainName(parsing: "ex.")).message(id: id)
        message.header.isResponse = response
        return try message.encoded()
    }

    @Test func theRequestMACCoversTheMessageAndTheVariables() throws {
        let unsigned = try message(id: 9, response: false)
        let signed = try TSIG.sign(unsigned, key: Self.key, time: 1_796_083_200)
        #expect(Array(signed.bytes[10..<12]) == [0, 1])
        var variables: [UInt8] = [3, 0x6B, 0x65, 0x79, 0, 0, 255, 0, 0, 0, 0]
        variables += [11] + Array("hmac-sha256".utf8) + [0]
        variables += [0, 0, 0x6B, 0x0E, 0x0E, 0x00, 0x01, 0x2C, 0, 0, 0, 0]
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Self.key.secret))
        hmac.update(data: unsigned + variables)
        #expect(signed.mac == Array(hmac.finalize()))
        let tsig = try #require(try TSIG.locate(in: signed.bytes))
        #expect(tsig.start == unsigned.count)
        #expect(tsig.tsig.mac == signed.mac && tsig.tsig.originalID == 9 && tsig.tsig.fudge == 300)
    }

    /// Signs `response` as a server does (§4.3.1): request MAC, response, variables.
    private func serverSign(_ response: [UInt8], requestMAC: [UInt8], time: UInt64, error: UInt16 = 0) -> [UInt8] {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Self.key.secret))
        hmac.update(data: [UInt8(requestMAC.count >> 8), UInt8(requestMAC.count & 0xFF)] + requestMAC)
        hmac.update(data: response)
        hmac.update(data: TSIG.variables(key: Self.key, time: time, error: error, other: []))
        var signed = response
        signed[11] += 1
        signed += TSIG.record(key: Self.key, time: time, mac: Array(hmac.finalize()), originalID: 9, error: error)
        return signed
    }

    @Test func aResponseSignedByTheServerIsBelievedAndATamperedOneIsNot() throws {
        let request = try TSIG.sign(try message(id: 9, response: false), key: Self.key, time: 1_796_083_200)
        let response = try message(id: 9, response: true)
        let signed = serverSign(response, requestMAC: request.mac, time: 1_796_083_201)
        #expect(
            try TSIG.verify(response: signed, requestMAC: request.mac, key: Self.key, now: 1_796_083_202).message
                == response)

        var tampered = signed
        tampered[3] ^= 0x05  // another RCODE
        #expect(throws: TSIGError.badSignature) {
            try TSIG.verify(response: tampered, requestMAC: request.mac, key: Self.key, now: 1_796_083_202)
        }
        #expect(throws: TSIGError.badTime(skew: 999)) {
            try TSIG.verify(response: signed, requestMAC: request.mac, key: Self.key, now: 1_796_084_200)
        }
        #expect(throws: TSIGError.unsigned) {
            try TSIG.verify(response: response, requestMAC: request.mac, key: Self.key, now: 1_796_083_202)
        }
        let rejected = serverSign(response, requestMAC: request.mac, time: 1_796_083_201, error: TSIG.badSig)
        #expect(throws: TSIGError.rejected(error: TSIG.badSig, key: Self.key.name)) {
            try TSIG.verify(response: rejected, requestMAC: request.mac, key: Self.key, now: 1_796_083_202)
        }
    }
}
