import Foundation
import ZIPFoundation

/// gzip files (RFC 1952), as R's `save()` and `saveRDS()` write them by default: a header, a raw
/// deflate stream and a trailer with the CRC-32 and length of the data. The deflate coding is
/// ZIPFoundation's (zlib's).
public enum Gzip {
    /// Whether the data start with gzip's magic number.
    public static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The data of a gzip file (of its first member, as R reads it).
    public static func decompress(_ data: Data) throws -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b, bytes[2] == 8 else {
            throw RDataError("not a gzip file")
        }
        let flags = bytes[3]
        var position = 10
        if flags & 0x04 != 0 {  // FEXTRA: a length, then that many bytes
            guard position + 2 <= bytes.count else { throw RDataError("truncated gzip header") }
            position += 2 + Int(bytes[position]) + Int(bytes[position + 1]) << 8
        }
        for flag in [UInt8(0x08), 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            while position < bytes.count, bytes[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 0x02 != 0 { position += 2 }  // FHCRC
        guard position < bytes.count else { throw RDataError("truncated gzip header") }
        let payload = Data(bytes[position...])
        var output = Data()
        do {
            _ = try Data.decompress(size: Int64(payload.count), bufferSize: 64 * 1024, skipCRC32: true,
                                    provider: { offset, size in
                                        let start = Int(offset), end = min(start + size, payload.count)
                                        return start < end ? payload.subdata(in: start..<end) : Data()
                                    }, consumer: { output.append($0) })
        } catch {
            throw RDataError("the compressed data are damaged (\(error))")
        }
        return output
    }

    /// `data` as a gzip file: no file name, the OS byte "unix", as R's gzfile writes it.
    public static func compress(_ data: Data) throws -> Data {
        var output = Data([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
        let crc = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { offset, size in
            let start = Int(offset), end = min(start + size, data.count)
            return start < end ? data.subdata(in: start..<end) : Data()
        }, consumer: { output.append($0) })
        for value in [UInt32(crc), UInt32(truncatingIfNeeded: data.count)] {
            for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
        }
        return output
    }
}
