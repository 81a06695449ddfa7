import Foundation
import Testing

@testable import ZoneFile

/// `RecordLayout(file:entryIndex:)` tells each token's role as the lexer finds it: it must give the layout read
/// from an array of the entry's tokens (as it was read before), for every record entry of every corpus file.
@Suite("Record layout read as the tokens come")
struct RecordLayoutReadingTests {
    /// The layout's parts read from the array of the entry's tokens: owner, TTL, class, type, RDATA fields,
    /// comments, parentheses (nil when the entry is no record or has no type).
    static func readFromTokens(_ file: ZoneFileSyntax, _ entryIndex: Int)
        -> (owner: Token?, ttl: Token?, rrClass: Token?, type: Token, rdata: [Token], comments: [Token], parens: Bool)?
    {
        let entry = file.entries[entryIndex]
        guard entry.kind == .record else { return nil }
        let bytes = file.source.bytes
        let tokens = ZoneFileSyntax.tokens(in: bytes, range: entry.range)
        var owner: Token? = nil
        var ttl: Token? = nil
        var rrClass: Token? = nil
        var type: Token? = nil
        var rdata: [Token] = []
        var comments: [Token] = []
        var parens = false
        var ownerPending = !(bytes[entry.range.lowerBound] == 0x20 || bytes[entry.range.lowerBound] == 0x09)
        var ttlAndClassFields = 0
        for token in tokens {
            switch token.kind {
            case .comment:
                comments.append(token)
                continue
            case .openParen:
                parens = true
                continue
            case .closeParen:
                continue
            case .word, .quoted:
                break
            }
            if ownerPending {
                owner = token
                ownerPending = false
            } else if type != nil {
                rdata.append(token)
            } else if ttlAndClassFields < 2, ttl == nil, TTLParser.looksLikeTTL(bytes[token.start]) {
                ttl = token
                ttlAndClassFields += 1
            } else if ttlAndClassFields < 2, rrClass == nil, RRClass.parse(bytes[token.start..<token.end]) != nil {
                rrClass = token
                ttlAndClassFields += 1
            } else {
                type = token
            }
        }
        guard let type else { return nil }
        return (owner, ttl, rrClass, type, rdata, comments, parens)
    }

    @Test("each record entry's layout is the one read from the array of its tokens, on every corpus file")
    func layoutAsFromTokens() throws {
        var layouts = 0
        var withComments = 0
        var withClass = 0
        for (relative, zone) in TestPaths.corpusZonesAtRoot() {
            for file in zone.files {
                for entryIndex in file.entries.indices {
                    let layout = RecordLayout(file: file, entryIndex: entryIndex)
                    let expected = Self.readFromTokens(file, entryIndex)
                    #expect((layout == nil) == (expected == nil), "\(relative) entry \(entryIndex)")
                    guard let layout, let expected else { continue }
                    #expect(layout.entryRange == file.entries[entryIndex].range)
                    #expect(layout.owner == expected.owner, "\(relative) entry \(entryIndex) owner")
                    #expect(layout.ttl == expected.ttl, "\(relative) entry \(entryIndex) ttl")
                    #expect(layout.rrClass == expected.rrClass, "\(relative) entry \(entryIndex) class")
                    #expect(layout.type == expected.type, "\(relative) entry \(entryIndex) type")
                    #expect(layout.rdata == expected.rdata, "\(relative) entry \(entryIndex) rdata")
                    #expect(layout.comments == expected.comments, "\(relative) entry \(entryIndex) comments")
                    #expect(layout.hasParentheses == expected.parens, "\(relative) entry \(entryIndex) parentheses")
                    layouts += 1
                    if !layout.comments.isEmpty { withComments += 1 }
                    if layout.rrClass != nil { withClass += 1 }
                }
            }
        }
        #expect(layouts > 5_000, "only \(layouts) layouts read")
        #expect(withComments > 50, "only \(withComments) layouts with comments")
        #expect(withClass > 1_000, "only \(withClass) layouts with a class field")
    }
}
