import Basics

extension ParserCore {
  /// `#TRANS`, `#RTRANS`, `#BTRANS`: kontonr {objektlista} belopp transdat transtext kvantitet sign.
  mutating func decodeRow(_ kind: TransactionRow.Kind) -> RowView {
    let account = accountKey(0)
    // The object buffer is taken out while it is filled, and put back to be reused.
    var objects = [ObjectReference]()
    swap(&objects, &rowObjects)
    objects.removeAll(keepingCapacity: true)
    defer { rowObjects = objects }
    var next = 1
    if next < fields.count && fields[next].isList {
      readObjects(next, into: &objects)
      next += 1
    } else {
      diagnostics.report(
        .warning, .missingObjectList, "row has no object list {}; read as if it had an empty one",
        at: location(ofField: next))
    }
    var row = RowView(kind: kind, account: account, objects: objects, amount: amount(next))
    if next + 1 < fields.count {
      row.date = date(next + 1, "row date", required: false)
      row.quantity = quantity(next + 3)
      if Sink.wantsDetails {
        row.text = text(next + 2)
        row.sign = text(next + 4)
        row.extra = extra(from: next + 5)
      } else {
        checkLexically(from: next + 2)
      }
    }
    return row
  }

  /// `#VER`: serie vernr verdatum vertext regdatum sign.
  mutating func decodeVoucher() -> VoucherRecord {
    var voucher = VoucherRecord(
      series: text(0), number: text(1), date: date(2, "voucher date", required: true))
    voucher.registrationDate = date(4, "registration date", required: false)
    if Sink.wantsDetails {
      voucher.text = text(3)
      voucher.sign = text(5)
      voucher.extra = extra(from: 6)
    } else {
      checkLexically(from: 3)
    }
    return voucher
  }

  /// Reports lexical problems (control characters, open quotes) of the fields from `index` on
  /// without decoding them.
  mutating func checkLexically(from index: Int) {
    guard index < fields.count else { return }
    for fieldIndex in index..<fields.count {
      let field = fields[fieldIndex]
      for tokenIndex in field.first..<(field.first + field.count) {
        let token = tokenizer[tokenIndex]
        if token.flags & (Token.control | Token.unterminated) != 0 { reportLexical(token) }
      }
    }
  }

  /// Every record but vouchers, rows and `#KSUMMA`.
  mutating func decodeRecord(
    _ label: SIELabel?, labelToken: Token, at recordLocation: SourceLocation
  )
    -> SIERecord?
  {
    guard let label else { return unknownRecord(labelToken, at: recordLocation) }
    switch label {
    case .flagga:
      guard let value = integer(0, "flag") else { return nil }
      return .flag(value, extra: extra(from: 1))
    case .program:
      if !hasValue(1) {
        diagnostics.report(
          .warning, .missingField, "#PROGRAM has no version", at: location(ofField: 1))
      }
      return .program(Program(name: text(0), version: text(1), extra: extra(from: 2)))
    case .format:
      let value = text(0)
      if value.uppercased() != "PC8" {
        diagnostics.report(
          .warning, .invalidValue, "#FORMAT \"\(value)\"; the only format is PC8",
          at: location(ofField: 0))
      }
      reportEncoding(at: recordLocation)
      return .format(value, extra: extra(from: 1))
    case .gen:
      guard let day = date(0, "generation date", required: true) else { return nil }
      return .generated(Generation(date: day, sign: text(1), extra: extra(from: 2)))
    case .sietyp:
      guard let type = integer(0, "SIE type") else { return nil }
      guard (1...4).contains(type) else {
        diagnostics.report(
          .error, .invalidValue, "#SIETYP \(type); types are 1 to 4", at: location(ofField: 0))
        return nil
      }
      return .sieType(type, extra: extra(from: 1))
    case .prosa:
      let (text, extra) = trailingText(0)
      return .prose(text, extra: extra)
    case .ftyp:
      return .companyType(text(0), extra: extra(from: 1))
    case .fnr:
      let (text, extra) = trailingText(0)
      return .companyID(text, extra: extra)
    case .orgnr:
      guard hasValue(0) else {
        diagnostics.report(
          .warning, .missingField, "#ORGNR without a number; ignored", at: recordLocation)
        return nil
      }
      return .organizationNumber(
        OrganizationNumberRecord(
          text(0), acquisitionNumber: text(1), workplaceNumber: text(2), extra: extra(from: 3)))
    case .bkod:
      return .industryCode(text(0), extra: extra(from: 1))
    case .adress:
      return .address(
        Address(
          contact: text(0), street: text(1), postal: text(2), phone: text(3),
          extra: extra(from: 4)))
    case .fnamn:
      let (text, extra) = trailingText(0)
      return .companyName(text, extra: extra)
    case .rar:
      guard hasValue(1) || hasValue(2) else {
        diagnostics.report(
          .warning, .missingField, "#RAR without dates; ignored", at: recordLocation)
        return nil
      }
      guard let index = integer(0, "fiscal year number"),
        let start = date(1, "fiscal year start", required: true),
        let end = date(2, "fiscal year end", required: true)
      else { return nil }
      return .fiscalYear(FiscalYear(index: index, start: start, end: end, extra: extra(from: 3)))
    case .taxar:
      guard let year = integer(0, "tax year") else { return nil }
      guard (1900...9999).contains(year) else {
        diagnostics.report(
          .error, .invalidValue, "#TAXAR \(year) is not a year", at: location(ofField: 0))
        return nil
      }
      return .taxYear(year, extra: extra(from: 1))
    case .omfattn:
      guard let day = date(0, "balance date", required: true) else { return nil }
      return .balanceDate(day, extra: extra(from: 1))
    case .kptyp:
      return .chartType(text(0), extra: extra(from: 1))
    case .valuta:
      return .currency(text(0), extra: extra(from: 1))
    case .konto:
      let number = account(0)
      if !hasValue(1) {
        diagnostics.report(
          .warning, .missingField, "account \(number) has no name", at: location(ofField: 1))
      }
      let (name, extra) = trailingText(1)
      return .account(Account(number: number, name: name, extra: extra))
    case .ktyp:
      let number = account(0)
      let code = text(1)
      guard let type = AccountType(rawValue: code.uppercased()) else {
        diagnostics.report(
          .error, .invalidValue, "#KTYP \"\(code)\"; account types are T, S, K and I",
          at: location(ofField: 1))
        return nil
      }
      return .accountProperty(AccountProperty(account: number, .type(type), extra: extra(from: 2)))
    case .enhet:
      let number = account(0)
      let (unit, extra) = trailingText(1)
      return .accountProperty(AccountProperty(account: number, .unit(unit), extra: extra))
    case .sru:
      let number = account(0)
      guard hasValue(1) else {
        diagnostics.report(
          .warning, .missingField, "#SRU of account \(number) has no code; ignored",
          at: location(ofField: 1))
        return nil
      }
      return .accountProperty(
        AccountProperty(account: number, .sru(text(1)), extra: extra(from: 2)))
    case .dim:
      guard let number = integer(0, "dimension number") else { return nil }
      let (name, extra) = trailingText(1)
      return .dimension(Dimension(number: number, name: name, extra: extra))
    case .underdim:
      guard let number = integer(0, "dimension number") else { return nil }
      let name = text(1)
      guard let parent = integer(2, "superior dimension") else { return nil }
      return .dimension(
        Dimension(number: number, name: name, parent: parent, extra: extra(from: 3)))
    case .objekt:
      guard let dimension = integer(0, "dimension number") else { return nil }
      guard hasValue(1) else {
        reportMissing(1, "object number")
        return nil
      }
      let code = text(1)
      let (name, extra) = trailingText(2)
      return .object(DimensionObject(dimension: dimension, code: code, name: name, extra: extra))
    case .ib, .ub, .res:
      guard let year = integer(0, "year number") else { return nil }
      let kind: Balance.Kind = label == .ib ? .opening : label == .ub ? .closing : .result
      return .balance(
        Balance(
          kind, year: year, account: account(1), amount: amount(2), quantity: quantity(3),
          extra: extra(from: 4)))
    case .oib, .oub:
      guard let year = integer(0, "year number") else { return nil }
      let account = account(1)
      guard fields.count > 2, fields[2].isList else {
        diagnostics.report(
          .error, .missingObjectList, "\(label.text) has no object list", at: location(ofField: 2))
        return nil
      }
      return .objectBalance(
        ObjectBalance(
          label == .oib ? .opening : .closing, year: year, account: account,
          objects: objects(2), amount: amount(3), quantity: quantity(4), extra: extra(from: 5)))
    case .psaldo, .pbudget:
      guard let year = integer(0, "year number") else { return nil }
      guard hasValue(1), let period = Period(yyyymm: text(1)) else {
        diagnostics.report(
          .error, .invalidPeriod, "period \(fieldPreview(1)) is not YYYYMM",
          at: location(ofField: 1))
        return nil
      }
      let account = account(2)
      var objects = [ObjectReference]()
      var next = 3
      if next < fields.count && fields[next].isList {
        objects = self.objects(next)
        next += 1
      } else {
        diagnostics.report(
          .warning, .missingObjectList,
          "\(label.text) has no object list {}; read as if it had an empty one",
          at: location(ofField: next))
      }
      return .periodBalance(
        PeriodBalance(
          label == .psaldo ? .actual : .budget, year: year, period: period, account: account,
          objects: objects, amount: amount(next), quantity: quantity(next + 1),
          extra: extra(from: next + 2)))
    case .ver, .trans, .rtrans, .btrans, .ksumma:
      return nil
    }
  }

  mutating func unknownRecord(_ labelToken: Token, at recordLocation: SourceLocation) -> SIERecord {
    let label = string(labelToken).uppercased()
    diagnostics.report(
      .note, .unknownLabel, "unknown label \(label); kept as it is", at: recordLocation)
    return .unknown(UnknownRecord(label: label, fields: extra(from: 0)))
  }

  /// `#KSUMMA` without a value opens the checksummed range; with one, closes it.
  mutating func checksumRecord(at recordLocation: SourceLocation) {
    guard hasValue(0) else {
      checksum.open(at: recordLocation, diagnostics: &diagnostics)
      return
    }
    let text = text(0)
    guard let value = UInt32(text) else {
      diagnostics.report(
        .error, .invalidNumber, "#KSUMMA \"\(text)\" is not a checksum (0 to 4294967295)",
        at: location(ofField: 0))
      return
    }
    checksum.close(expected: value, at: recordLocation, diagnostics: &diagnostics)
  }
}
