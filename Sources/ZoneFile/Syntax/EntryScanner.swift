/// Splits a zone file into entries and tokens the way BIND's lexer does.
///
/// Rules (RFC 1035 §5.1 plus BIND's reading of them): whitespace separates
/// tokens; `;` starts a comment that runs to the end of the line; `(` and `)`
/// let an entry continue over newlines; `"` starts a quoted string in which `\"`
/// and `\\` are escapes and an unescaped newline is an error; a backslash in an
/// unquoted word escapes the next byte (so `\;` and `\(` are data). `(`, `)`,
/// `;` and `"` end a word even when glued to it (`60)`, `3600000;EXPIRE`). A
/// carriage return is whitespace, so CRLF files read like LF files. Outside
/// parentheses a newline ends the entry; the newline belongs to the entry.
struct EntryScanner {
    /// Every token of the entries in `bytes[range]`, handed to `tokens` in order, with no lexical problem kept:
    /// a record's RDATA fields and a line's layout are read this way, and neither reports them.
    static func scanEntries<Tokens: TokenSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout Tokens
    ) {
        guard let base = bytes.baseAddress else { return }
        // The scan stops at the range's end, as it would at the end of the file.
        let slice = UnsafeBufferPointer(start: base, count: range.upperBound)
        var problems: [LexProblem] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            offset = scan(slice, from: offset, tokens: &tokens, problems: &problems)
        }
    }

    /// Scans the entry that starts at `start` and returns the offset just past it.
    /// Tokens are appended to `tokens` (which the caller clears); problems to `problems`.
    ///
    /// Tokens and problems more than `maxLength` bytes into the entry are not recorded (the
    /// caller refuses such an entry), so a runaway entry costs no memory beyond its bytes;
    /// a NUL byte is reported once per entry.
    ///
    /// `ownerEnd`, when past `start`, is where the entry's first word ends, already found by the loader's
    /// owner read-ahead (`OwnerLookahead.ownerText`: a word without escapes, ended as a word ends here):
    /// that word is taken as it is rather than scanned a second time.
    @inline(__always)
    static func scan<Tokens: TokenSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
        tokens: inout Tokens, problems: inout [LexProblem], maxLength: Int = Int.max, ownerEnd: Int = -1
    ) -> Int {
        let count = bytes.count
        var index = start
        var depth = 0
        var firstParen = -1
        var sawNul = false
        let recordLimit = maxLength >= count - start ? count : start + maxLength
        @inline(__always) func add(_ token: Token) {
            if token.start <= recordLimit { tokens.append(token) }
        }
        @inline(__always) func problem(_ kind: LexProblem.Kind, _ offset: Int) {
            if kind == .nulByte {
                if sawNul { return }
                sawNul = true
            }
            if offset <= recordLimit { problems.append(LexProblem(kind: kind, offset: offset)) }
        }
        if ownerEnd > start, ownerEnd < count {
            add(Token(kind: .word, start: start, end: ownerEnd))
            index = ownerEnd
        }
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:  // newline
                if depth == 0 { return index + 1 }
                index += 1
            case 0x20, 0x09, 0x0D:
                // A run of blanks (columns aligned with spaces) in one go, not a dispatch per byte.
                index += 1
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                    index += 1
                }
            case 0x3B:  // ;
                let commentStart = index
                index = ByteRuns.commentEnd(bytes, from: index + 1)
                while index < count, bytes[index] == 0 {
                    problem(.nulByte, index)
                    index = ByteRuns.commentEnd(bytes, from: index + 1)
                }
                add(Token(kind: .comment, start: commentStart, end: index))
            case 0x28:  // (
                if depth == 0 { firstParen = index }
                depth += 1
                add(Token(kind: .openParen, start: index, end: index + 1))
                index += 1
            case 0x29:  // )
                if depth == 0 {
                    problem(.unbalancedCloseParen, index)
                } else {
                    depth -= 1
                }
                add(Token(kind: .closeParen, start: index, end: index + 1))
                index += 1
            case 0x22:  // "
                index += 1
                let contentStart = index
                var closed = false
                while index < count {
                    index = ByteRuns.quotedEnd(bytes, from: index)
                    guard index < count else { break }
                    let inner = bytes[index]
                    if inner == 0x22 {
                        closed = true
                        break
                    }
                    if inner == 0x5C {  // backslash
                        index += 2
                        continue
                    }
                    if inner == 0x0A { break }
                    if inner == 0 { problem(.nulByte, index) }
                    index += 1
                }
                if index > count { index = count }
                add(Token(kind: .quoted, start: contentStart, end: index))
                if closed {
                    index += 1
                } else {
                    problem(.unbalancedQuotes, contentStart - 1)
                    // Recover at the end of the line: the entry ends there.
                    if index < count { return index + 1 }
                    return count
                }
            case 0:
                problem(.nulByte, index)
                index += 1
            default:
                let wordStart = index
                while index < count {
                    index = ByteRuns.wordEnd(bytes, from: index)
                    guard index < count else { break }
                    let inner = bytes[index]
                    if inner == 0x5C {
                        index += 2
                        continue
                    }
                    if inner <= 0x20 || inner == 0x3B || inner == 0x28 || inner == 0x29 || inner == 0x22 {
                        if inner == 0x20 || inner == 0x09 || inner == 0x0A || inner == 0x0D || inner == 0x3B
                            || inner == 0x28 || inner == 0x29 || inner == 0x22 || inner == 0
                        {
                            break
                        }
                    }
                    index += 1
                }
                if index > count { index = count }
                add(Token(kind: .word, start: wordStart, end: index))
            }
        }
        if depth > 0 { problems.append(LexProblem(kind: .unclosedParen, offset: firstParen)) }
        return count
    }
}
