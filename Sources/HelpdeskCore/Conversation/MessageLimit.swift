/// The most one chat message may hold. A message is stored, kept in the conversation's
/// state, quoted in a ticket's summary and drawn on every frame, so an unbounded one (a
/// 1 MB paste) multiplies its cost several times over; 16 KiB is pages of text.
public enum MessageLimit {
    public static let bytes = 16 * 1024

    /// "16 KB", for people.
    public static let described = "\(bytes / 1024) KB"
}
