import Basics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
enum Entry {
  static func main() {
    OpenedBooks.keepUntilExit()
    let status = Sietool.main(Array(CommandLine.arguments.dropFirst()), console: .standard())
    exit(status)
  }
}
