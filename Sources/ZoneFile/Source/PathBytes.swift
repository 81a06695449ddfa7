import Foundation

/// A path or a part of one (a directory, a file name, a name's ending), compared and hashed as its bytes.
///
/// The file system names files by bytes: two spellings of one accented letter are two names, which
/// `String`'s `==` (Unicode canonical equivalence) would take as one. And a part of a longer path is
/// asked about where it lies, as a `Substring`: a run over thousands of zone files looks up each file's
/// directory and name, and the journals beside it, without copying them into strings of their own.
package struct PathBytes: Hashable, Sendable {
    package let text: Substring

    package init(_ text: Substring) {
        self.text = text
    }

    package init(_ text: String) {
        self.text = text[...]
    }

    package static func == (left: PathBytes, right: PathBytes) -> Bool {
        let (left, right) = (left.text.utf8, right.text.utf8)
        guard left.count == right.count else { return false }
        // Read where they are (the text of a native string is contiguous): no copy, nor a retain of the strings.
        let same = left.withContiguousStorageIfAvailable { left in
            right.withContiguousStorageIfAvailable { right in
                guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                return memcmp(leftBase, rightBase, left.count) == 0
            }
        }
        return (same ?? nil) ?? left.elementsEqual(right)
    }

    package func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
            hasher.combine(bytes: UnsafeRawBufferPointer($0))
        }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }
}
