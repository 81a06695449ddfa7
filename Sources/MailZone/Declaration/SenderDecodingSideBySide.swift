import Foundation
import Synchronization

/// A long list of senders decoded in two halves side by side, on two cores.
///
/// Decoding a sender reads only its own part of the tree, so the halves do not depend on each
/// other: a hosting provider's 10,000 senders kept one core busy for a tenth of a second while
/// the other waited to plan the zones. The second half is decoded on a thread of its own, each
/// half into its own list and diagnostics, and the second's are put after the first's, in the
/// file's order as when decoded one by one. One thing is shared in order: a Domain Connect template
/// is read once and its problems reported at its first use; a second half that read a template is
/// decoded again after the first, with its templates.
extension DeclarationDecoder {
    /// Lists shorter than this are decoded on the calling thread: a second thread would save less than it costs.
    static let sideBySideSenders = 2_000

    /// Decodes `items` in order into `senders`, their problems into `diagnostics`; from `threshold` items
    /// on, in two halves side by side.
    func decodeSenders(
        _ items: [YAMLNode], into senders: inout [SenderDeclaration], diagnostics: inout Diagnostics,
        sideBySideFrom threshold: Int = sideBySideSenders
    ) {
        guard items.count >= max(2, threshold), let first = items.first else {
            decode(items[...], into: &senders, diagnostics: &diagnostics)
            return
        }
        let half = items.count / 2
        // The second half read through a document of its own over the same tables: the two threads then
        // count references on two objects, not each on the other's cache line.
        let document = YAMLDocument(file: first.document.file, storage: first.document.storage)
        let second = items[half...].map { YAMLNode(document: document, index: $0.index) }
        let handoff = DecodedHalf()
        let done = DispatchSemaphore(value: 0)
        let baseDirectory = baseDirectory
        Thread {
            let decoder = DeclarationDecoder(baseDirectory: baseDirectory)
            var found = Diagnostics()
            var decoded: [SenderDeclaration] = []
            decoded.reserveCapacity(second.count)
            decoder.decode(second[...], into: &decoded, diagnostics: &found)
            let readTemplates = !decoder.domainConnect.isEmpty
            handoff.result.withLock { $0 = (decoded, found, readTemplates) }
            done.signal()
        }.start()
        decode(items[..<half], into: &senders, diagnostics: &diagnostics)
        done.wait()
        guard let (decoded, found, readTemplates) = handoff.result.withLock({ $0 }), !readTemplates else {
            decode(items[half...], into: &senders, diagnostics: &diagnostics)
            return
        }
        senders += decoded
        diagnostics.append(contentsOf: found)
    }

    /// Decodes `items` one by one, in order.
    private func decode(
        _ items: ArraySlice<YAMLNode>, into senders: inout [SenderDeclaration], diagnostics: inout Diagnostics
    ) {
        for item in items {
            if let sender = decodeSender(item, diagnostics: &diagnostics) { senders.append(sender) }
        }
    }
}

/// The second half's senders, its problems, and whether it read a Domain Connect template, handed from its thread.
private final class DecodedHalf: Sendable {
    let result = Mutex<([SenderDeclaration], Diagnostics, Bool)?>(nil)
}
