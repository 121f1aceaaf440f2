import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
enum Entry {
  static func main() {
    KeptUntilExit.start()
    #if canImport(Glibc)
      // Opening a large book allocates hundreds of MB in small pieces on every core; each
      // thread's heap then grows in steps of 64 MiB rather than page by page (0.47 → 0.44 s
      // for a payment on a book of a million events).
      if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
        _ = unsafeBitCast(symbol, to: Mallopt.self)(topPad, 64 << 20)
      }
    #endif
    let status = Sietool.main(Array(CommandLine.arguments.dropFirst()), console: .standard())
    exit(status)
  }
}
