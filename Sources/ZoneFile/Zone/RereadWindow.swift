/// The part of an edited top file a re-read needs (`ZoneLoader.reread(path:options:editedFrom:excluding:edited:)`).
///
/// A re-read given the edits reads the edited stretches and steps over the unchanged text between the
/// old load's checkpoints; after the last edit it steps from the first checkpoint where its reading state
/// is the old one to the end of the file. So it needs the edited text only up to that checkpoint: the
/// window holds it, and some more (`slackRecords`), so that an entry reaching the window's end is one the
/// re-read could not step over from there (the reading state differed, a kept record or an `$INCLUDE` came between);
/// the loader then reports that it left the window and the whole text is read instead. The edits of a
/// mail change are a few lines near the apex, so on a large zone the window is a few kilobytes where
/// the whole text would be as large as the file again.
enum RereadWindow {
    /// Records of the old text at least between the first checkpoint past the last edit and the window's end.
    static let slackRecords = 64

    /// The window on `text` (the edited text of `old`'s top file at `path`), or nil when a window would
    /// hold most of the text anyway or cannot be set against the old load (no checkpoints, another file).
    static func source(path: String, text: EditedText, old: Zone) -> SourceFile? {
        guard let last = text.edits.last, let history = old.history, let top = old.files.first,
            top.source.path == path, top.source.length == text.original.count, top.source.bytes == text.original
        else { return nil }
        // A checkpoint of the old load past the last edit's end, at least the second and at least
        // `slackRecords` records after the first: the re-read steps over the rest from one in between, once
        // its reading state is the old one again (after the first line with an owner, as a rule). Checkpoints
        // come every entry at a load's start, every `interval` entries after it.
        var end: Int? = nil
        var first: ReadingCheckpoint? = nil
        for checkpoint in history.of(file: 0) where checkpoint.offset >= last.range.upperBound {
            guard let first else {
                first = checkpoint
                continue
            }
            if checkpoint.records - first.records >= slackRecords {
                end = checkpoint.offset
                break
            }
        }
        let shift = text.count - text.original.count
        guard let end, end < text.original.count, end + shift <= text.count / 2 else { return nil }
        return SourceFile(window: text.prefix(end + shift), path: path, rest: top.source, shift: shift)
    }
}
