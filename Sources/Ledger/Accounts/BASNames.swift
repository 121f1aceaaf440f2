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

  /// The BAS account groups (the first two digits), for accounts the table above lacks.
  static let groups: [String: String] = [
    "10": "Immateriella anläggningstillgångar", "11": "Byggnader och mark",
    "12": "Maskiner och inventarier", "13": "Finansiella anläggningstillgångar",
    "14": "Lager, produkter i arbete och pågående arbeten", "15": "Kundfordringar",
    "16": "Övriga kortfristiga fordringar", "17": "Förutbetalda kostnader och upplupna intäkter",
    "18": "Kortfristiga placeringar", "19": "Kassa och bank", "20": "Eget kapital",
    "21": "Obeskattade reserver", "22": "Avsättningar", "23": "Långfristiga skulder",
    "24": "Kortfristiga skulder till kreditinstitut, kunder och leverantörer",
    "25": "Skatteskulder", "26": "Moms och punktskatter",
    "27": "Personalens skatter, avgifter och löneavdrag", "28": "Övriga kortfristiga skulder",
    "29": "Upplupna kostnader och förutbetalda intäkter", "30": "Huvudintäkter",
    "31": "Huvudintäkter", "32": "Huvudintäkter", "33": "Huvudintäkter", "34": "Huvudintäkter",
    "35": "Fakturerade kostnader", "36": "Rörelsens sidointäkter", "37": "Intäktskorrigeringar",
    "38": "Aktiverat arbete för egen räkning", "39": "Övriga rörelseintäkter",
    "40": "Inköp av varor och material", "41": "Inköp av varor och material",
    "42": "Inköp av varor och material", "43": "Inköp av varor och material",
    "44": "Inköp av varor och material", "45": "Inköp av varor och material",
    "46": "Legoarbeten, underentreprenader", "47": "Reduktion av inköpspriser",
    "49": "Förändring av lager, produkter i arbete och pågående arbeten",
    "50": "Lokalkostnader", "51": "Fastighetskostnader", "52": "Hyra av anläggningstillgångar",
    "53": "Energikostnader", "54": "Förbrukningsinventarier och förbrukningsmaterial",
    "55": "Reparation och underhåll", "56": "Kostnader för transportmedel",
    "57": "Frakter och transporter", "58": "Resekostnader", "59": "Reklam och PR",
    "60": "Övriga försäljningskostnader", "61": "Kontorsmateriel och trycksaker",
    "62": "Tele och post", "63": "Företagsförsäkringar och övriga riskkostnader",
    "64": "Förvaltningskostnader", "65": "Övriga externa tjänster", "68": "Inhyrd personal",
    "69": "Övriga externa kostnader", "70": "Löner till kollektivanställda",
    "72": "Löner till tjänstemän och företagsledare", "73": "Kostnadsersättningar och förmåner",
    "74": "Pensionskostnader", "75": "Sociala och andra avgifter enligt lag och avtal",
    "76": "Övriga personalkostnader", "77": "Nedskrivningar och återföring av nedskrivningar",
    "78": "Avskrivningar enligt plan", "79": "Övriga rörelsekostnader",
    "80": "Resultat från andelar i koncernföretag", "81": "Resultat från andelar i intresseföretag",
    "82": "Resultat från övriga värdepapper och långfristiga fordringar",
    "83": "Övriga ränteintäkter och liknande resultatposter",
    "84": "Räntekostnader och liknande resultatposter", "88": "Bokslutsdispositioner",
    "89": "Skatter och årets resultat",
  ]

  /// The name of `account`'s BAS account group, if BAS names it.
  public static func group(of account: AccountNumber) -> String? {
    groups[String(account.text.prefix(2))]
  }
}
