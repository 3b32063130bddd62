import Foundation
import HelpdeskCore
import NIOCore

/// JSON-RPC 2.0 over a Unix socket, one JSON object per line (see the README, "The
/// daemon's protocol").
public enum Wire {
    /// The protocol version `hello` agrees on.
    public static let version = 1
    /// The largest line the daemon accepts: a frame over it is refused and the connection
    /// closed, so no client can make the daemon buffer without end.
    public static let maxFrameBytes = 1 << 20
    /// The largest line a client accepts: a whole ticket queue is one answer.
    static let maxAnswerBytes = 256 << 20

    /// Dates are seconds since 1970, which every JSON client reads.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()

    /// `value` as one line: JSON and a newline.
    static func line<T: Encodable>(_ value: T, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        return allocator.buffer(bytes: data)
    }
}

/// A request's id: JSON-RPC allows a number or a string.
public enum RPCID: Hashable, Sendable, Codable {
    case number(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }
}

/// What every incoming line is read as first: enough to route it.
struct Envelope: Decodable {
    let jsonrpc: String?
    let id: RPCID?
    let method: String?
}

/// A request with its typed parameters.
struct Request<Params: Codable & Sendable>: Codable, Sendable {
    var jsonrpc = "2.0"
    let id: RPCID
    let method: String
    let params: Params

    init(id: RPCID, method: String, params: Params) {
        self.id = id
        self.method = method
        self.params = params
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(RPCID.self, forKey: .id)
        method = try container.decode(String.self, forKey: .method)
        // Left out, params are `{}`: enough for methods whose params are all optional.
        params =
            try container.decodeIfPresent(Params.self, forKey: .params) ?? Wire.decoder.decode(Params.self, from: Data("{}".utf8))
    }
}

/// A server-pushed message; it has no id and gets no answer.
struct Notification<Params: Codable & Sendable>: Codable, Sendable {
    var jsonrpc = "2.0"
    let method: String
    let params: Params
}

/// An answer: `result` or `error`, and the request's id (`null` when it could not be read).
struct Response<Result: Codable & Sendable>: Codable, Sendable {
    var jsonrpc = "2.0"
    let id: RPCID?
    var result: Result?
    var error: RPCError?

    init(id: RPCID?, result: Result? = nil, error: RPCError? = nil) {
        self.id = id
        self.result = result
        self.error = error
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(jsonrpc, forKey: .jsonrpc)
        try container.encode(id, forKey: .id)
        if let error {
            try container.encode(error, forKey: .error)
        } else {
            try container.encode(result, forKey: .result)
        }
    }
}

/// The error object of a response. `data.code` is the helpdesk's own code
/// (`forbidden`, `notFound`, …), the same as `HelpdeskError.Code`.
struct RPCError: Codable, Sendable, Error {
    struct Details: Codable, Sendable { let code: String }

    let code: Int
    let message: String
    var data: Details?

    static let parseError = -32700
    static let invalidRequest = -32600
    static let methodNotFound = -32601
    static let invalidParams = -32602
    static let internalError = -32603

    init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    init(_ error: HelpdeskError) {
        code = error.code.rpcCode
        message = error.description
        data = Details(code: error.code.rawValue)
    }

    /// As the API reports it: protocol-level errors are the caller's invalid input.
    var helpdeskError: HelpdeskError {
        let code = data.flatMap { HelpdeskError.Code(rawValue: $0.code) } ?? HelpdeskError.Code(rpcCode: code) ?? .invalid
        return HelpdeskError(code, message)
    }
}

/// An empty parameter or result object, `{}`.
public struct Empty: Codable, Sendable, Equatable {
    public init() {}
}

/// Splits the byte stream into lines, refusing any longer than `limit`.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    struct FrameTooLong: Error {}

    let limit: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let view = buffer.readableBytesView
        guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > limit { throw FrameTooLong() }
            return .needMoreData
        }
        let length = newline - view.startIndex
        if length > limit { throw FrameTooLong() }
        guard let line = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A last line without its newline is a truncated frame: dropped.
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}
