import CNcursesw

/// A key press, decoded from ncurses.
enum Key: Equatable {
    case character(Character)
    case enter, backspace, delete, tab, escape
    case left, right, up, down, home, end, pageUp, pageDown
    case wordLeft, wordRight
    /// Ctrl plus a letter, lower-case: `.control("a")`.
    case control(Character)
    case function(Int)
    case resize
    case pasteStart, pasteEnd
    case wheel(Int)
    case unknown

    /// Decodes what `get_wch` returned: `isKey` for KEY_CODE_YES.
    static func decode(_ code: UInt32, isKey: Bool) -> Key {
        if isKey {
            switch Int32(code) {
            case KEY_RESIZE: return .resize
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_MOUSE:
                let wheel = cn_mouse_wheel()
                return wheel == 0 ? .unknown : .wheel(Int(wheel))
            case Key.pasteStartCode: return .pasteStart
            case Key.pasteEndCode: return .pasteEnd
            case Key.controlLeftCode: return .wordLeft
            case Key.controlRightCode: return .wordRight
            default:
                for n in 1...12 where Int32(code) == cn_key_f(Int32(n)) { return .function(n) }
                return .unknown
            }
        }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(code) else { return .unknown }
            return .character(Character(scalar))
        }
    }

    // Codes given to sequences registered with define_key.
    static let pasteStartCode: Int32 = 0x3F0
    static let pasteEndCode: Int32 = 0x3F1
    static let controlLeftCode: Int32 = 0x3F2
    static let controlRightCode: Int32 = 0x3F3
}
