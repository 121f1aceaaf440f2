import Invoicing

extension RecordWriter {
  mutating func write(_ record: SIERecord) {
    switch record {
    case .flag(let value, let extra):
      single(.flagga, extra) { $0.integer(value) }
    case .program(let program):
      begin(.program)
      text(program.name, "#PROGRAM name")
      code(program.version, "#PROGRAM version")
      extra(program.extra, "#PROGRAM")
      end()
    case .format(let value, let extra):
      single(.format, extra) { $0.code(value, "#FORMAT") }
    case .generated(let generation):
      begin(.gen)
      day(generation.date)
      text(generation.sign, "#GEN sign")
      extra(generation.extra, "#GEN")
      end()
    case .sieType(let value, let extra):
      single(.sietyp, extra) { $0.integer(value) }
    case .prose(let value, let extra):
      single(.prosa, extra) { $0.text(value, "#PROSA") }
    case .companyType(let value, let extra):
      single(.ftyp, extra) { $0.code(value, "#FTYP") }
    case .companyID(let value, let extra):
      single(.fnr, extra) { $0.text(value, "#FNR") }
    case .organizationNumber(let number):
      begin(.orgnr)
      code(number.number, "#ORGNR")
      code(number.acquisitionNumber, "#ORGNR")
      code(number.workplaceNumber, "#ORGNR")
      extra(number.extra, "#ORGNR")
      end()
    case .industryCode(let value, let extra):
      single(.bkod, extra) { $0.code(value, "#BKOD") }
    case .address(let address):
      begin(.adress)
      text(address.contact, "#ADRESS contact")
      text(address.street, "#ADRESS street")
      text(address.postal, "#ADRESS postal address")
      text(address.phone, "#ADRESS phone")
      extra(address.extra, "#ADRESS")
      end()
    case .companyName(let value, let extra):
      single(.fnamn, extra) { $0.text(value, "#FNAMN") }
    case .fiscalYear(let year):
      begin(.rar)
      integer(year.index)
      day(year.start)
      day(year.end)
      extra(year.extra, "#RAR")
      end()
    case .taxYear(let value, let extra):
      single(.taxar, extra) { $0.integer(value) }
    case .balanceDate(let value, let extra):
      single(.omfattn, extra) { $0.day(value) }
    case .chartType(let value, let extra):
      single(.kptyp, extra) { $0.code(value, "#KPTYP") }
    case .currency(let value, let extra):
      single(.valuta, extra) { $0.code(value, "#VALUTA") }
    case .account(let account):
      begin(.konto)
      self.account(account.number, "#KONTO")
      text(account.name, "#KONTO \(account.number) name")
      extra(account.extra, "#KONTO \(account.number)")
      end()
    case .accountProperty(let property):
      writeProperty(property)
    case .dimension(let dimension):
      begin(dimension.parent == nil ? .dim : .underdim)
      integer(dimension.number)
      text(dimension.name, "#DIM \(dimension.number) name")
      if let parent = dimension.parent { integer(parent) }
      extra(dimension.extra, "#DIM \(dimension.number)")
      end()
    case .object(let object):
      begin(.objekt)
      integer(object.reference.dimension)
      text(object.reference.code, "#OBJEKT \(object.reference.dimension) code")
      text(object.name, "#OBJEKT \(object.reference.dimension) \(object.reference.code) name")
      extra(object.extra, "#OBJEKT")
      end()
    case .balance(let balance):
      begin(balance.kind == .opening ? .ib : balance.kind == .closing ? .ub : .res)
      integer(balance.year)
      account(balance.account, "balance")
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, "balance of \(balance.account)")
      end()
    case .objectBalance(let balance):
      begin(balance.kind == .opening ? .oib : .oub)
      integer(balance.year)
      account(balance.account, "object balance")
      objects(balance.objects, "object balance of \(balance.account)")
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, "object balance of \(balance.account)")
      end()
    case .periodBalance(let balance):
      begin(balance.kind == .actual ? .psaldo : .pbudget)
      integer(balance.year)
      code(balance.period.description, "period")
      account(balance.account, "period balance")
      objects(balance.objects, "period balance of \(balance.account)")
      amount(balance.amount)
      quantity(balance.quantity)
      extra(balance.extra, "period balance of \(balance.account)")
      end()
    case .voucher(let voucher):
      writeVoucher(voucher)
    case .unknown(let unknown):
      sink.raw(Array(unknown.label.utf8))
      if sink.hashing { sink.crc.update(Array(unknown.label.utf8)) }
      extra(unknown.fields, unknown.label)
      end()
    }
  }

  private mutating func single(
    _ label: SIELabel, _ extraFields: [RawField], _ body: (inout RecordWriter) -> Void
  ) {
    begin(label)
    body(&self)
    extra(extraFields, label.text)
    end()
  }

  private mutating func writeProperty(_ property: AccountProperty) {
    switch property.kind {
    case .type(let type):
      begin(.ktyp)
      account(property.account, "#KTYP")
      code(type.rawValue, "#KTYP")
    case .unit(let unit):
      begin(.enhet)
      account(property.account, "#ENHET")
      text(unit, "#ENHET \(property.account)")
    case .sru(let sru):
      begin(.sru)
      account(property.account, "#SRU")
      code(sru, "#SRU \(property.account)")
    }
    extra(property.extra, "\(property.account) property")
    end()
  }

  private mutating func writeVoucher(_ voucher: Voucher) {
    begin(.ver)
    series(voucher.series, "voucher series")
    series(voucher.number, "voucher number")
    day(voucher.date)
    text(voucher.text, "#VER \(voucher.displayName) text")
    day(voucher.registrationDate)
    text(voucher.sign, "#VER \(voucher.displayName) sign")
    extra(voucher.extra, "#VER \(voucher.displayName)")
    end()
    sink.raw([0x7B])
    end()
    for (index, row) in voucher.rows.enumerated() {
      begin(row.kind == .normal ? .trans : row.kind == .added ? .rtrans : .btrans)
      account(row.account, "row \(index + 1) of voucher \(voucher.displayName)")
      objects(row.objects, "row \(index + 1) of voucher \(voucher.displayName)")
      amount(row.amount)
      day(row.date)
      text(row.text, "row \(index + 1) of voucher \(voucher.displayName) text")
      quantity(row.quantity)
      text(row.sign, "row \(index + 1) of voucher \(voucher.displayName) sign")
      extra(row.extra, "row \(index + 1) of voucher \(voucher.displayName)")
      end()
    }
    sink.raw([0x7D])
    end()
  }
}
