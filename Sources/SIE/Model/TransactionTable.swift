import Basics

extension VoucherRecord {
  /// The header of ``csvRows``.
  public static let csvHeader = [
    "series", "number", "date", "voucherText", "account", "objects", "amount", "rowDate",
    "rowText", "quantity", "sign",
  ]

  /// One CSV row per effective row: the voucher's series, number, date and text, then the row's
  /// account, objects (`1=100;6=P1`), amount, date (the voucher's when the row has none),
  /// text, quantity and sign.
  public var csvRows: [[String]] {
    var rows = [[String]]()
    forEachEffectiveRow { row in
      rows.append([
        series, number, date?.iso ?? "", text, row.account.text,
        row.objects.map { "\($0.dimension)=\($0.code)" }.joined(separator: ";"),
        row.amount.description, (row.date ?? date)?.iso ?? "", row.text,
        row.quantity?.description ?? "", row.sign,
      ])
    }
    return rows
  }
}
