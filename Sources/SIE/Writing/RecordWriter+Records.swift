import Basics

extension RecordWriter {
  mutating func write(_ record: borrowing SIERecord) {
    switch record {
    case .flag(let value, let extra):
      single(.flagga, extra) { $0.integer(value) }
    case .program(let program):
      begin(.program)
      text(program.name, .record(.program, "name"))
      code(program.version, .record(.program, "version"))
      extra(program.extra, .record(.program, ""))
      end()
    case .format(let value, let extra):
      single(.format, extra) { $0.code(value, .record(.format, "")) }
    case .generated(let generation):
      begin(.gen)
      day(generation.date)
      text(generation.sign, .record(.gen, "sign"))
      extra(generation.extra, .record(.gen, ""))
      end()
    case .sieType(let value, let extra):
      single(.sietyp, extra) { $0.integer(value) }
    case .prose(let value, let extra):
      single(.prosa, extra) { $0.text(value, .record(.prosa, "")) }
    case .companyType(let value, let extra):
      single(.ftyp, extra) { $0.code(value, .record(.ftyp, "")) }
    case .companyID(let value, let extra):
      single(.fnr, extra) { $0.text(value, .record(.fnr, "")) }
    case .organizationNumber(let number):
      begin(.orgnr)
      code(number.number, .record(.orgnr, ""))
      code(number.acquisitionNumber, .record(.orgnr, ""))
      code(number.workplaceNumber, .record(.orgnr, ""))
      extra(number.extra, .record(.orgnr, ""))
      end()
    case .industryCode(let value, let extra):
      single(.bkod, extra) { $0.code(value, .record(.bkod, "")) }
    case .address(let address):
      begin(.adress)
      text(address.contact, .record(.adress, "contact"))
      text(address.street, .record(.adress, "street"))
      text(address.postal, .record(.adress, "postal address"))
      text(address.phone, .record(.adress, "phone"))
      extra(address.extra, .record(.adress, ""))
      end()
    case .companyName(let value, let extra):
      single(.fnamn, extra) { $0.text(value, .record(.fnamn, "")) }
    case .fiscalYear(let year):
      begin(.rar)
      integer(year.index)
      day(year.start)
      day(year.end)
      extra(year.extra, .record(.rar, ""))
      end()
    case .taxYear(let value, let extra):
      single(.taxar, extra) { $0.integer(value) }
    case .balanceDate(let value, let extra):
      single(.omfattn, extra) { $0.day(value) }
    case .chartType(let value, let extra):
      single(.kptyp, extra) { $0.code(value, .record(.kptyp, "")) }
    case .currency(let value, let extra):
      single(.valuta, extra) { $0.code(value, .record(.valuta, "")) }
    case .account(let account):
      begin(.konto)
      self.account(account.number, .record(.konto, ""))
      text(account.name, .record(.konto, "\(account.number) name"))
      extra(account.extra, .record(.konto, account.number.text))
      end()
    case .accountProperty(let property):
      writeProperty(property)
    case .dimension(let dimension):
      begin(dimension.parent == nil ? .dim : .underdim)
      integer(dimension.number)
      text(dimension.name, .record(.dim, "\(dimension.number) name"))
      if let parent = dimension.parent { integer(parent) }
      extra(dimension.extra, .record(.dim, String(dimension.number)))
      end()
    case .object(let object):
      begin(.objekt)
      integer(object.reference.dimension)
      text(object.reference.code, .record(.objekt, "\(object.reference.dimension) code"))
      text(
        object.name, .record(.objekt, "\(object.reference.dimension) \(object.reference.code) name")
      )
      extra(object.extra, .record(.objekt, ""))
      end()
    case .balance(let balance):
      begin(balance.kind == .opening ? .ib : balance.kind == .closing ? .ub : .res)
      integer(balance.year)
      account(balance.account, .record(.ib, ""))
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, .record(.ib, balance.account.text))
      end()
    case .objectBalance(let balance):
      begin(balance.kind == .opening ? .oib : .oub)
      integer(balance.year)
      account(balance.account, .record(.oib, ""))
      objects(balance.objects, .record(.oib, balance.account.text))
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, .record(.oib, balance.account.text))
      end()
    case .periodBalance(let balance):
      begin(balance.kind == .actual ? .psaldo : .pbudget)
      integer(balance.year)
      code(balance.period.description, .record(.psaldo, "period"))
      account(balance.account, .record(.psaldo, ""))
      objects(balance.objects, .record(.psaldo, balance.account.text))
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, .record(.psaldo, balance.account.text))
      end()
    case .voucher(let voucher):
      writeVoucher(voucher)
    case .unknown(let unknown):
      pendingEmpty = 0
      var label = unknown.label
      label.withUTF8 { sink.content($0) }
      extra(unknown.fields, .unknown(unknown.label))
      end()
    }
  }

  private mutating func single(
    _ label: SIELabel, _ extraFields: [RawField], _ body: (inout RecordWriter) -> Void
  ) {
    begin(label)
    body(&self)
    extra(extraFields, .record(label, ""))
    end()
  }

  private mutating func writeProperty(_ property: AccountProperty) {
    switch property.kind {
    case .type(let type):
      begin(.ktyp)
      account(property.account, .record(.ktyp, ""))
      code(type.rawValue, .record(.ktyp, ""))
    case .unit(let unit):
      begin(.enhet)
      account(property.account, .record(.enhet, ""))
      text(unit, .record(.enhet, property.account.text))
    case .sru(let sru):
      begin(.sru)
      account(property.account, .record(.sru, ""))
      code(sru, .record(.sru, property.account.text))
    }
    extra(property.extra, .record(.konto, property.account.text))
    end()
  }

  mutating func writeVoucher(_ voucher: VoucherRecord) {
    voucherName = (voucher.series, .text(voucher.number))
    begin(.ver)
    series(voucher.series, .voucher("series"))
    series(voucher.number, .voucher("number"))
    day(voucher.date)
    text(voucher.text, .voucher("text"))
    day(voucher.registrationDate)
    text(voucher.sign, .voucher("sign"))
    extra(voucher.extra, .voucher("field"))
    end()
    sink.byte(0x7B)
    end()
    // Each row is read where it lies: copying one would retain all its texts and lists.
    voucher.rows.withUnsafeBufferPointer { rows in
      for index in rows.indices { writeRow(rows.baseAddress! + index, index: index) }
    }
    endVoucher()
  }

  /// The `#VER` line of a voucher given by its parts, and the `{` after it: what
  /// ``writeVoucher(_:)`` writes there for a voucher of that series, number, date, text (its
  /// UTF-8) and registration date, with no sign or other fields.
  mutating func beginVoucher(
    series seriesName: String, number: Int, date: Day, text utf8: UnsafeBufferPointer<UInt8>,
    registrationDate: Day?
  ) {
    voucherName = (seriesName, .integer(number))
    begin(.ver)
    series(seriesName, .voucher("series"))
    // Digits alone, as `series(_:_:)` writes them, without making their text first.
    if number >= 0 { integer(number) } else { series(String(number), .voucher("number")) }
    day(date)
    text(utf8: utf8, .voucher("text"))
    day(registrationDate)
    end()
    sink.byte(0x7B)
    end()
  }

  /// A `#TRANS` row of the voucher begun: what ``writeVoucher(_:)`` writes for a
  /// `TransactionRow(account:objects:amount:text:)` at `index`.
  mutating func writeRow(
    account number: AccountNumber, objects list: [ObjectReference], amount value: Amount,
    text rowText: String, index: Int
  ) {
    begin(.trans)
    account(number, .row(index, ""))
    if list.isEmpty { emptyObjects() } else { objects(list, .row(index, "")) }
    amount(value)
    empty()  // the row's date
    if rowText.isEmpty { empty() } else { text(rowText, .row(index, "text")) }
    end()
  }

  /// The `}` that closes the voucher begun.
  mutating func endVoucher() {
    sink.byte(0x7D)
    end()
  }

  private mutating func writeRow(_ row: UnsafePointer<TransactionRow>, index: Int) {
    let kind = row.pointee.kind
    begin(kind == .normal ? .trans : kind == .added ? .rtrans : .btrans)
    account(row.pointee.account, .row(index, ""))
    // Empty lists and texts, the usual case, are seen where they lie: handing them on would
    // retain and release them.
    if row.pointee.objects.isEmpty {
      emptyObjects()
    } else {
      objects(row.pointee.objects, .row(index, ""))
    }
    amount(row.pointee.amount)
    day(row.pointee.date)
    if row.pointee.text.isEmpty {
      empty()
    } else {
      text(row.pointee.text, .row(index, "text"))
    }
    if let details = row.pointee.details {
      quantity(details.quantity)
      text(details.sign, .row(index, "sign"))
      extra(details.extra, .row(index, ""))
    }
    end()
  }
}
