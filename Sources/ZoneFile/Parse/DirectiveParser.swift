import Foundation

/// `$ORIGIN`, `$TTL`, `$INCLUDE` and `$GENERATE` (RFC 1035 §5.1, RFC 2308 §4, BIND).
extension LoaderState {
    mutating func interpretDirective(
        source: SourceFile, buffer: UnsafeBufferPointer<UInt8>, entryStart: Int,
        context: inout FileContext
    ) -> Bool {
        // The fields in place, as a record's are read: most zones have a directive or two, and each of a
        // repository's thousands of zones is read twice by a plan.
        let fields = compactFields()
        let nameToken = fields[0]
        let arguments = UnsafeBufferPointer(rebasing: fields[1...])
        func argumentText(_ index: Int) -> String { source.text(arguments[index].start..<arguments[index].end) }

        switch Directive(UnsafeBufferPointer(rebasing: buffer[nameToken.start..<nameToken.end])) {
        case .origin:
            guard arguments.count == 1 else {
                report(
                    .originArguments, source: source, offset: arguments.count > 1 ? arguments[1].start : nameToken.start
                )
                return false
            }
            let token = arguments[0]
            nameScratch.removeAll(keepingCapacity: true)
            do {
                let text = UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])
                let absolute = text.last == UInt8(ascii: ".") && !LoaderState.endsWithEscapedDot(text)
                if !absolute, context.origin == nil {
                    report(.relativeOriginWithoutOrigin(text: argumentText(0)), source: source, offset: token.start)
                    return false
                }
                try NameParser.append(text, origin: context.origin ?? .root, to: &nameScratch)
            } catch {
                report(
                    .invalidOrigin(text: argumentText(0), reason: "\(error)"), source: source, offset: token.start)
                return false
            }
            enterOrigin(in: &context)
            return true

        case .ttl:
            guard arguments.count == 1 else {
                report(
                    .ttlArguments, source: source, offset: arguments.count > 1 ? arguments[1].start : nameToken.start)
                return false
            }
            let token = arguments[0]
            guard
                let value = readTTL(
                    UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]), source: source, offset: token.start)
            else {
                return false
            }
            inheritedTTL.defaultTTL = clampedTTL(value, label: "$TTL", source: source, offset: token.start)
            return true

        case .include:
            guard arguments.count == 1 || arguments.count == 2 else {
                report(
                    .includeArguments, source: source,
                    offset: arguments.count > 2 ? arguments[2].start : nameToken.start)
                return false
            }
            return include(
                source: source, arguments: Array(arguments), directiveOffset: nameToken.start, context: &context)

        case .generate:
            return generate(
                source: source, arguments: Array(arguments), entryStart: entryStart, directiveOffset: nameToken.start,
                context: &context)

        case nil:
            report(
                .unknownDirective(text: source.text(nameToken.start..<nameToken.end)), source: source,
                offset: nameToken.start)
            return false
        }
    }

    /// Reads an included file in a copy of the context: its `$ORIGIN` and owner do not leak back (RFC 1035 §5.1).
    /// The included file starts with the including file's owner, as BIND reads it: a blank owner on its
    /// first record is the last owner before the `$INCLUDE`.
    mutating func include(source: SourceFile, arguments: [Token], directiveOffset: Int, context: inout FileContext)
        -> Bool
    {
        let fileToken = arguments[0]
        var fieldReader = RDataReader(
            fields: [
                RDataField(
                    bytes: ArraySlice(source.bytes[fileToken.start..<fileToken.end]),
                    quoted: fileToken.kind == .quoted)
            ],
            origin: .root)
        guard let field = try? fieldReader.next("file"), (try? fieldReader.appendDecodingEscapes(field)) != nil else {
            report(.invalidIncludeFileName, source: source, offset: fileToken.start)
            return false
        }
        let name = String(decoding: fieldReader.wire, as: UTF8.self)
        let path = policy.includePath(name, includingFile: source.path)
        var child = context
        // The owner is inherited (as BIND does), but the fast path compares text in this file only.
        child.lastOwnerLength = -1
        if arguments.count == 2 {
            let token = arguments[1]
            nameScratch.removeAll(keepingCapacity: true)
            do {
                try NameParser.append(
                    ArraySlice(source.bytes[token.start..<token.end]), origin: context.origin ?? .root,
                    to: &nameScratch)
            } catch {
                report(
                    .invalidIncludeOrigin(text: source.text(token.start..<token.end), reason: "\(error)"),
                    source: source, offset: token.start)
                return false
            }
            enterOrigin(in: &child)
        }
        let resolved = FilePaths.resolved(path)
        resolveIncludeStack()
        if let refusal = policy.includeRefusal(name: name, resolved: resolved) {
            report(refusal, source: source, offset: fileToken.start)
            return false
        }
        if let index = includeStack.firstIndex(of: resolved) {
            report(
                .includeCycle(includingFile: source.path, included: path, cycle: includeStack[index...] + [resolved]),
                source: source, offset: fileToken.start)
            return false
        }
        guard includeStack.count <= policy.options.maxIncludeDepth else {
            report(
                .includeTooDeep(
                    limit: policy.options.maxIncludeDepth, reading: includeStack.count, innermost: source.path),
                source: source, offset: fileToken.start)
            return false
        }
        guard tally.includedFiles < policy.options.maxIncludedFiles else {
            guard !tally.reportedTooManyIncludes else { return false }
            tally.reportedTooManyIncludes = true
            report(.tooManyIncludes(limit: policy.options.maxIncludedFiles), source: source, offset: fileToken.start)
            return false
        }
        tally.includedFiles += 1
        let included: SourceFile
        do {
            included = try policy.source(at: path, maxBytes: max(0, policy.options.maxTotalBytes - tally.bytesRead))
        } catch {
            if error.tooLarge {
                report(
                    .includeOverTotalBytes(name: name, path: path, limit: policy.options.maxTotalBytes), source: source,
                    offset: fileToken.start)
                return false
            }
            report(
                .includeUnreadable(name: name, path: path, reason: error.reason), source: source,
                offset: fileToken.start)
            return false
        }
        tally.bytesRead += included.bytes.count
        // The included file's entries use the shared scratch buffers; keep the including entry's tokens aside.
        var savedTokens = TokenBuffer()
        swap(&savedTokens, &tokens)
        includeStack.append(resolved)
        parseFile(included, context: &child)
        includeStack.removeLast()
        swap(&savedTokens, &tokens)
        return true
    }

    /// Makes the name in `nameScratch` the origin of `context` (`$ORIGIN`, or `$INCLUDE`'s origin
    /// argument); before any record, it is also the zone's origin.
    private mutating func enterOrigin(in context: inout FileContext) {
        let origin = DomainName(uncheckedWire: nameScratch)
        context.origin = origin
        context.originID = names.intern(nameScratch[...])
        context.originChangedSinceOwner = context.lastOwner != nil
        if zoneOrigin == nil, tally.records == 0 {
            zoneOrigin = origin
            names.setSuffix(origin)
        }
    }
}
