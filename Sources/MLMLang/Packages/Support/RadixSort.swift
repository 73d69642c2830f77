/// Stable LSD radix sort of doubles (11 bits per pass), for the large numeric vectors of
/// sort, order and quantile where comparison sorting dominates the run time. NaNs are not
/// handled here: callers set them aside first.
enum RadixSort {
    /// Maps a double to an unsigned key whose order is the double's numeric order.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = (x == 0 ? 0.0 : x).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The stable permutation that sorts `values` ascending: four passes of 16-bit digits,
    /// skipping passes whose digit is the same for every key.
    static func order(_ values: [Double]) -> [Int] {
        let n = values.count
        var keys = values.map(key)
        var index = Array(0..<n)
        var keysOut = [UInt64](repeating: 0, count: n)
        var indexOut = [Int](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(16 * pass)
            keys.withUnsafeBufferPointer { k in
                index.withUnsafeBufferPointer { ix in
                    keysOut.withUnsafeMutableBufferPointer { ko in
                        indexOut.withUnsafeMutableBufferPointer { io in
                            counts.withUnsafeMutableBufferPointer { c in
                                for b in 0..<c.count { c[b] = 0 }
                                for i in 0..<n { c[Int((k[i] >> shift) & 0xFFFF)] += 1 }
                                var total = 0
                                for b in 0..<c.count { let t = c[b]; c[b] = total; total += t }
                                for i in 0..<n {
                                    let digit = Int((k[i] >> shift) & 0xFFFF)
                                    let position = c[digit]
                                    c[digit] = position + 1
                                    ko[position] = k[i]
                                    io[position] = ix[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keysOut)
            swap(&index, &indexOut)
        }
        return index
    }

    static func sorted(_ values: [Double]) -> [Double] {
        if values.count < 2048 { return values.sorted() }
        return order(values).map { values[$0] }
    }
}
