import Basics

/// The standard names of the accounts the package books on (BAS 2022), for `#KONTO`.
public enum BASNames {
  public static let names: [String: String] = [
    "1510": "Kundfordringar", "1519": "Nedskrivning av kundfordringar",
    "1680": "Andra kortfristiga fordringar", "1689": "Övriga kortfristiga fordringar",
    "1920": "PlusGiro", "1930": "Företagskonto/checkkonto/affärskonto", "1940": "Övriga bankkonton",
    "2420": "Förskott från kunder", "2440": "Leverantörsskulder",
    "2611": "Utgående moms på försäljning inom Sverige, 25 %",
    "2621": "Utgående moms på försäljning inom Sverige, 12 %",
    "2631": "Utgående moms på försäljning inom Sverige, 6 %", "2641": "Debiterad ingående moms",
    "2650": "Redovisningskonto för moms", "3001": "Försäljning inom Sverige, 25 % moms",
    "3002": "Försäljning inom Sverige, 12 % moms", "3003": "Försäljning inom Sverige, 6 % moms",
    "3004": "Försäljning inom Sverige, momsfri", "3105": "Försäljning varor till land utanför EU",
    "3106": "Försäljning varor till annat EU-land, momspliktig",
    "3108": "Försäljning varor till annat EU-land, momsfri",
    "3231": "Försäljning inom byggsektorn, omvänd skattskyldighet moms",
    "3305": "Försäljning tjänster till land utanför EU",
    "3308": "Försäljning tjänster till annat EU-land",
    "3540": "Faktureringsavgifter", "3590": "Övriga fakturerade kostnader",
    "3740": "Öres- och kronutjämning", "3930": "Påminnelseavgifter",
    "3950": "Återvunna, tidigare avskrivna kundfordringar",
    "3960": "Valutakursvinster på fordringar och skulder av rörelsekaraktär",
    "3990": "Övriga ersättningar, bidrag och intäkter", "4000": "Inköp av varor från Sverige",
    "4600": "Legoarbeten och underentreprenader", "6062": "Inkasso och KFM-avgifter",
    "6064": "Factoringavgifter", "6351": "Konstaterade förluster på kundfordringar",
    "6352": "Befarade förluster på kundfordringar", "6570": "Bankkostnader",
    "7960": "Valutakursförluster på fordringar och skulder av rörelsekaraktär",
    "8313": "Ränteintäkter från kortfristiga fordringar",
  ]
}
