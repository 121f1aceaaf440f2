/// The labels SIE 4B/4C defines. Unknown labels are kept as ``UnknownRecord``s.
public enum SIELabel: UInt8, Sendable, CaseIterable, Comparable {
  case flagga, program, format, gen, sietyp, prosa, ftyp, fnr, orgnr, bkod, adress, fnamn, rar
  case taxar, omfattn, kptyp, valuta
  case konto, ktyp, enhet, sru, dim, underdim, objekt
  case ib, ub, oib, oub, res, psaldo, pbudget, ver, trans, rtrans, btrans
  case ksumma

  public static func < (a: SIELabel, b: SIELabel) -> Bool { a.rawValue < b.rawValue }

  /// The label as written, with `#`: `"#KONTO"`.
  public var text: String { SIELabel.texts[Int(rawValue)] }

  private static let texts: [String] = [
    "#FLAGGA", "#PROGRAM", "#FORMAT", "#GEN", "#SIETYP", "#PROSA", "#FTYP", "#FNR", "#ORGNR",
    "#BKOD", "#ADRESS", "#FNAMN", "#RAR", "#TAXAR", "#OMFATTN", "#KPTYP", "#VALUTA", "#KONTO",
    "#KTYP", "#ENHET", "#SRU", "#DIM", "#UNDERDIM", "#OBJEKT", "#IB", "#UB", "#OIB", "#OUB",
    "#RES", "#PSALDO", "#PBUDGET", "#VER", "#TRANS", "#RTRANS", "#BTRANS", "#KSUMMA",
  ]

  /// The label's bytes, `#` included.
  var bytes: UnsafeBufferPointer<UInt8> { byteBuffer(in: SIELabel.flatForms) }

  /// The label's bytes where they lie in `table` (``flatForms``; the writer holds the table
  /// so that it does not check per label that the global is initialized): no copy, no
  /// reference counting.
  func byteBuffer(in table: (bytes: UnsafePointer<UInt8>, offsets: UnsafePointer<Int32>))
    -> UnsafeBufferPointer<UInt8>
  {
    let start = Int(table.offsets[Int(rawValue)])
    let end = Int(table.offsets[Int(rawValue) + 1])
    return UnsafeBufferPointer(start: table.bytes + start, count: end - start)
  }

  /// Every label's bytes one after the other, and where each starts (allocated once, kept).
  nonisolated(unsafe) static let flatForms:
    (bytes: UnsafePointer<UInt8>, offsets: UnsafePointer<Int32>) = {
      let all = texts.flatMap { Array($0.utf8) }
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: all.count)
      bytes.initialize(from: all, count: all.count)
      let offsets = UnsafeMutablePointer<Int32>.allocate(capacity: texts.count + 1)
      var offset: Int32 = 0
      for (index, text) in texts.enumerated() {
        offsets[index] = offset
        offset += Int32(text.utf8.count)
      }
      offsets[texts.count] = offset
      return (UnsafePointer(bytes), UnsafePointer(offsets))
    }()

  /// The group the specification places the record in (§5.11–5.13).
  public var group: RecordGroup {
    switch self {
    case .flagga, .ksumma: .flag
    case .program, .format, .gen, .sietyp, .prosa, .ftyp, .fnr, .orgnr, .bkod, .adress, .fnamn,
      .rar, .taxar, .omfattn, .kptyp, .valuta:
      .identification
    case .konto, .ktyp, .enhet, .sru, .dim, .underdim, .objekt: .chartOfAccounts
    case .ib, .ub, .oib, .oub, .res, .psaldo, .pbudget, .ver, .trans, .rtrans, .btrans: .balances
    }
  }

  /// Recognises a label from its letters after `#`, in any case.
  static func recognize(_ letters: UnsafeBufferPointer<UInt8>) -> SIELabel? {
    guard letters.count <= 8 else { return nil }
    var packed: UInt64 = 0
    for (index, byte) in letters.enumerated() {
      let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
      packed |= UInt64(upper) << (8 * UInt64(index))
    }
    switch packed {
    case 0x53_4e41_5254: return .trans
    case 0x52_4556: return .ver
    case 0x534e_4152_5452: return .rtrans
    case 0x534e_4152_5442: return .btrans
    case 0x4147_4741_4c46: return .flagga
    case 0x4d_4152_474f_5250: return .program
    case 0x5441_4d52_4f46: return .format
    case 0x4e_4547: return .gen
    case 0x5059_5445_4953: return .sietyp
    case 0x41_534f_5250: return .prosa
    case 0x5059_5446: return .ftyp
    case 0x52_4e46: return .fnr
    case 0x52_4e47_524f: return .orgnr
    case 0x444f_4b42: return .bkod
    case 0x5353_4552_4441: return .adress
    case 0x4e_4d41_4e46: return .fnamn
    case 0x52_4152: return .rar
    case 0x52_4158_4154: return .taxar
    case 0x4e_5454_4146_4d4f: return .omfattn
    case 0x50_5954_504b: return .kptyp
    case 0x4154_554c_4156: return .valuta
    case 0x4f_544e_4f4b: return .konto
    case 0x5059_544b: return .ktyp
    case 0x54_4548_4e45: return .enhet
    case 0x55_5253: return .sru
    case 0x4d_4944: return .dim
    case 0x4d49_4452_4544_4e55: return .underdim
    case 0x544b_454a_424f: return .objekt
    case 0x4249: return .ib
    case 0x4255: return .ub
    case 0x42_494f: return .oib
    case 0x42_554f: return .oub
    case 0x53_4552: return .res
    case 0x4f44_4c41_5350: return .psaldo
    case 0x54_4547_4455_4250: return .pbudget
    case 0x414d_4d55_534b: return .ksumma
    default: return nil
    }
  }
}

/// The four groups of records, in the order the specification requires (§5.11–5.13).
public enum RecordGroup: Int, Sendable, Comparable {
  /// `#FLAGGA` (and the opening `#KSUMMA`).
  case flag
  /// `#PROGRAM` … `#VALUTA`.
  case identification
  /// `#KONTO` … `#OBJEKT`.
  case chartOfAccounts
  /// Balances and vouchers.
  case balances

  public static func < (a: RecordGroup, b: RecordGroup) -> Bool { a.rawValue < b.rawValue }
}
