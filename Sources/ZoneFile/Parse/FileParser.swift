import Foundation

/// The entry loop of one file: split into entries, then read each as a
/// directive, a record, or trivia.
extension LoaderState {
    mutating func parseFile(_ source: SourceFile, context: inout FileContext) {
        let fileIndex = files.count
        context.fileIndex = fileIndex
        // Reserve the slot so included files get later indexes; filled in at the end.
        files.append(ZoneFileSyntax(source: source, entries: EntryList()))
        guard source.bytes.count < Int(UInt32.max) else {
            report(.fileOver4GiB, source: source, offset: nil)
            return
        }
        // Generous reservations: capacity never touched costs no memory, while growing by copying does.
        var entries = EntryList()
        if policy.options.keepRecords { entries.reserve(source.bytes.count / 8 + 16) }
        if fileIndex == 0, policy.options.keepRecords { records.reserve(source.bytes.count / 12 + 16) }
        if fileIndex == 0 { checks.reserve(records: source.bytes.count / 12 + 16) }
        let bytes = source.bytes
        // The skipping moved out for the cursor to read and back, not copied (a copy retains each table of the
        // old zone it holds).
        var resumeCursor: ResumeCursor?
        if let taken = skipping.take() {
            resumeCursor = ResumeCursor(skipping: taken, file: fileIndex, path: source.path, size: source.length)
            skipping = consume taken
        }
        var entryIndex = 0
        // A mapped file's pages go back behind the reader (kept a stride back): the load holds what it is
        // reading, not the file.
        var pagesBehind = SourceBytes.PagesBehind()
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                if history != nil { recordCheckpoint(entry: entryIndex, offset: offset, context: context) }
                entryIndex += 1
                if var cursor = resumeCursor {
                    let next = resume(&cursor, source: source, offset: offset, context: &context)
                    resumeCursor = cursor
                    if let next {
                        offset = next
                        continue
                    }
                }
                tokens.removeAll()
                if !problems.isEmpty { problems.removeAll(keepingCapacity: true) }
                let ownerEnd =
                    nextOwner.file == fileIndex && nextOwner.text.lowerBound == offset
                    ? nextOwner.text.upperBound : -1
                let end = EntryScanner.scan(
                    buffer, from: offset, tokens: &tokens, problems: &problems,
                    maxLength: policy.options.maxEntryLength, ownerEnd: ownerEnd)
                // An entry that reaches a window's end may go on past it: the whole text is read instead.
                if end >= buffer.count, buffer.count < source.length { break }
                readNextOwner(buffer, entryStart: offset, next: end, context: &context)
                let kind = interpretEntry(source: source, buffer: buffer, start: offset, end: end, context: &context)
                if policy.options.keepRecords { entries.append(start: offset, end: end, kind: kind) }
                offset = end
                pagesBehind.reader(at: offset, of: bytes)
            }
            if offset < source.length { skipping?.leftWindow = true }
        }
        if history != nil { recordCheckpoint(entry: entryIndex, offset: bytes.count, atEnd: true, context: context) }
        if notesMarkedComments {
            files[fileIndex] = ZoneFileSyntax(
                source: source, entries: entries, commentsMarked: policy.options.commentMark,
                at: fileIndex < markedComments.count ? markedComments[fileIndex] : [])
        } else {
            files[fileIndex] = ZoneFileSyntax(source: source, entries: entries)
        }
    }

    /// Reads ahead the owner of the entry at `next` (see `OwnerLookahead`), unless it is written as the
    /// owner of the entry at `entryStart`, whose tokens are in `tokens`: that one is known already. Where
    /// the owner's text was found is kept in `nextOwner`, for the scanner of that entry.
    @inline(__always)
    mutating func readNextOwner(
        _ buffer: UnsafeBufferPointer<UInt8>, entryStart: Int, next: Int, context: inout FileContext
    ) {
        nextOwner.text = -1 ..< -1
        guard let origin = context.origin, zoneOrigin != nil else { return }
        nextOwner.file = context.fileIndex
        if let first = tokens.tokens.first, first.start == entryStart, first.kind == .word,
            let base = buffer.baseAddress,
            next + (first.end - first.start) < buffer.count,
            memcmp(base + next, base + first.start, first.end - first.start) == 0,
            let text = OwnerLookahead.ownerText(buffer, at: next), text.count == first.end - first.start
        {
            nextOwner.text = text
            return
        }
        if let text = ownerLookahead.read(
            buffer, at: next, fileIndex: context.fileIndex, origin: origin, originID: context.originID, names: names)
        {
            nextOwner.text = text
        }
    }

    /// Reads one entry whose tokens are in `tokens`; returns how the syntax tree classifies it.
    mutating func interpretEntry(
        source: SourceFile, buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int,
        context: inout FileContext
    ) -> EntrySyntax.Kind {
        if !problems.isEmpty {
            for problem in problems {
                report(problem.kind.diagnostic, source: source, offset: problem.offset)
            }
            return .unexpected
        }
        if end - start > policy.options.maxEntryLength {
            report(
                .entryTooLong(length: end - start, limit: policy.options.maxEntryLength), source: source, offset: start)
            return .unexpected
        }
        // Fields only; comments and parentheses are layout.
        var firstField = -1
        for (index, token) in tokens.tokens.enumerated() where token.isField {
            firstField = index
            break
        }
        if firstField < 0 { return .trivia }
        let first = tokens[firstField]
        let blankOwner = buffer[start] == 0x20 || buffer[start] == 0x09
        if !blankOwner, first.kind == .word, buffer[first.start] == UInt8(ascii: "$") {
            return interpretDirective(source: source, buffer: buffer, entryStart: start, context: &context)
                ? .directive : .unexpected
        }
        return interpretRecord(
            source: source, buffer: buffer, entryStart: start, blankOwner: blankOwner,
            context: &context) ? .record : .unexpected
    }

    /// The field tokens of the current entry (its words and quoted strings; comments and parentheses
    /// dropped), read in place: `tokens` is compacted to them, nothing moving when all are fields, as in
    /// most entries. Valid until `tokens` changes. The marked comments (`notesMarkedComments`) of a record
    /// entry, in file `fileIndex` of `buffer` (given for a record), are noted on the way.
    mutating func compactFields(
        marksIn buffer: UnsafeBufferPointer<UInt8>? = nil, fileIndex: Int = 0
    ) -> UnsafeBufferPointer<Token> {
        var fieldCount = 0
        for index in 0..<tokens.count {
            if tokens[index].isField {
                if index != fieldCount { tokens[fieldCount] = tokens[index] }
                fieldCount += 1
            } else if notesMarkedComments, tokens[index].kind == .comment, let buffer {
                noteMarks(inComment: tokens[index], buffer, fileIndex: fileIndex)
            }
        }
        return UnsafeBufferPointer(rebasing: tokens.tokens[0..<fieldCount])
    }

    /// Notes each `;` of `comment` followed by blanks and `policy.options.commentMark` (ASCII case ignored).
    mutating func noteMarks(inComment comment: Token, _ buffer: UnsafeBufferPointer<UInt8>, fileIndex: Int) {
        guard let base = buffer.baseAddress else { return }
        let word = policy.options.commentMark
        // A comment starts with its `;`; any other is found with memchr (most comments have none).
        var index = comment.start
        while index < comment.end {
            var at = index + 1
            while at < comment.end, buffer[at] == 0x20 || buffer[at] == 0x09 { at += 1 }
            if at + word.count <= comment.end, word.indices.allSatisfy({ buffer[at + $0] | 0x20 == word[$0] | 0x20 }) {
                while markedComments.count <= fileIndex { markedComments.append([]) }
                markedComments[fileIndex].append(index)
            }
            guard index + 1 < comment.end,
                let next = memchr(base + index + 1, Int32(UInt8(ascii: ";")), comment.end - index - 1)
            else { break }
            index = UnsafePointer<UInt8>(next.assumingMemoryBound(to: UInt8.self)) - base
        }
    }
}
