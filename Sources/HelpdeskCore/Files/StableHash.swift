/// FNV-1a over bytes: the same on every run and every host, unlike `Hasher`, so it can
/// name cache files and key what they hold.
public func stableHash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
}
