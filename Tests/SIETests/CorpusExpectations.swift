@testable import SIE

/// The verdict on every file of the shared corpus: whether it is valid, its type (given or
/// guessed), encoding, voucher count, checksum state, and every error and warning code it raises.
/// A file added to the corpus without a line here fails ``CorpusTests/everyCorpusFileIsPinned``.
struct CorpusExpectation: Sendable, CustomStringConvertible {
  var file: String
  var valid: Bool
  var type: SIEFileType
  var encoding: TextEncoding
  var vouchers: Int
  var checksum: String
  var raises: Set<DiagnosticCode>

  init(
    _ file: String, valid: Bool, _ type: SIEFileType, _ encoding: TextEncoding, vouchers: Int,
    checksum: String, raises: Set<DiagnosticCode>
  ) {
    self.file = file
    self.valid = valid
    self.type = type
    self.encoding = encoding
    self.vouchers = vouchers
    self.checksum = checksum
    self.raises = raises
  }

  var description: String { file }

  static let all: [CorpusExpectation] = [
    CorpusExpectation(
      "Alipsa__42_sie2.se", valid: true, .type2, .cp437, vouchers: 0, checksum: "valid", raises: []),
    CorpusExpectation(
      "Alipsa__43_sie3.se", valid: true, .type3, .cp437, vouchers: 0, checksum: "valid", raises: []),
    CorpusExpectation(
      "asteinarson__20140901-20150831.se", valid: true, .type4E, .cp437, vouchers: 58,
      checksum: "absent", raises: []),
    CorpusExpectation(
      "asteinarson__20140901-20150831_1.se", valid: true, .type4E, .cp437, vouchers: 58,
      checksum: "absent", raises: []),
    CorpusExpectation(
      "asteinarson__20140901-20150831_utf8-short.se", valid: false, .type4E, .utf8, vouchers: 58,
      checksum: "absent", raises: [.encodingMismatch, .missingRecord, .undeclaredAccount]),
    CorpusExpectation(
      "asteinarson__20140901-20150831_utf8.se", valid: true, .type4E, .utf8, vouchers: 58,
      checksum: "absent", raises: [.encodingMismatch]),
    CorpusExpectation(
      "asteinarson__test.se", valid: false, .type1, .utf8, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "asteinarson__test_hdr.se", valid: true, .type4I, .ascii, vouchers: 0, checksum: "absent",
      raises: [.organizationNumberCheckDigit]),
    CorpusExpectation(
      "barsoom__sie_file.se", valid: false, .type4I, .ascii, vouchers: 2, checksum: "absent",
      raises: [.unbalancedVoucher, .undeclaredAccount]),
    CorpusExpectation(
      "blinfo__Arousells_Visning_AB.SE", valid: false, .type4E, .utf8, vouchers: 10,
      checksum: "absent",
      raises: [
        .closingBalanceMismatch, .encodingMismatch, .missingField, .organizationNumberForm,
        .resultMismatch, .undeclaredObject,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE1.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.organizationNumberCheckDigit, .organizationNumberForm]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE1_copy.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.organizationNumberCheckDigit]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE1_erroneous_leap_year.SE", valid: false, .type1, .utf8, vouchers: 0,
      checksum: "absent",
      raises: [
        .encodingMismatch, .invalidFiscalYear, .organizationNumberCheckDigit,
        .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE1_file_is_read.SE", valid: true, .type1, .cp437, vouchers: 0,
      checksum: "absent", raises: [.alreadyImported, .organizationNumberCheckDigit]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE2.SE", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingRecord, .organizationNumberCheckDigit, .organizationNumberForm]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE2_UTF_8_with_errors.SE", valid: false, .type2, .utf8, vouchers: 0,
      checksum: "absent",
      raises: [
        .encodingMismatch, .invalidAccount, .missingObjectList, .missingRecord,
        .organizationNumberCheckDigit, .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE2_UTF_8_with_non_numeric_account_number.SE", valid: false, .type2, .utf8,
      vouchers: 0, checksum: "absent",
      raises: [
        .encodingMismatch, .invalidAccount, .missingObjectList, .missingRecord,
        .organizationNumberCheckDigit, .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE3.SE", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingRecord, .organizationNumberCheckDigit, .organizationNumberForm]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE3_UTF_8_with_vouchers.SE", valid: false, .type3, .utf8, vouchers: 20,
      checksum: "absent",
      raises: [
        .encodingMismatch, .forbiddenRecord, .missingObjectList, .missingRecord,
        .organizationNumberCheckDigit, .organizationNumberForm, .undeclaredAccount,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4.SE", valid: true, .type4E, .cp437, vouchers: 20, checksum: "absent",
      raises: [.organizationNumberCheckDigit, .organizationNumberForm]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4.SI", valid: true, .type4I, .cp437, vouchers: 2, checksum: "absent",
      raises: [.undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_ISO_8859_15.SI", valid: true, .type4I, .latin1, vouchers: 2,
      checksum: "absent", raises: [.encodingMismatch, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8.SI", valid: true, .type4I, .utf8, vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_1.SE", valid: true, .type4E, .utf8, vouchers: 20,
      checksum: "absent",
      raises: [
        .encodingMismatch, .missingObjectList, .organizationNumberCheckDigit,
        .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_IMBALANCED.SI", valid: false, .type4I, .utf8, vouchers: 2,
      checksum: "absent",
      raises: [
        .alreadyImported, .encodingMismatch, .unbalancedVoucher, .undeclaredAccount, .unquotedText,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_MISSING_ACCOUNTS.SE", valid: false, .type4E, .utf8, vouchers: 20,
      checksum: "absent",
      raises: [
        .encodingMismatch, .missingObjectList, .organizationNumberCheckDigit,
        .organizationNumberForm, .undeclaredAccount,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_WITH_FAULTY_ADDRESS.SI", valid: true, .type4I, .utf8, vouchers: 2,
      checksum: "absent", raises: [.encodingMismatch, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_12_digit_cid.SI", valid: true, .type4I, .utf8, vouchers: 2,
      checksum: "absent",
      raises: [.encodingMismatch, .organizationNumberForm, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_8-4_digit_cid.SI", valid: true, .type4I, .utf8, vouchers: 2,
      checksum: "absent",
      raises: [.encodingMismatch, .organizationNumberForm, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_critical_voucher_date_error.SI", valid: false, .type4I, .utf8,
      vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .invalidDate, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_empty_voucher.SE", valid: true, .type4E, .utf8, vouchers: 20,
      checksum: "absent",
      raises: [
        .closingBalanceMismatch, .emptyVoucher, .encodingMismatch, .missingObjectList,
        .organizationNumberCheckDigit, .organizationNumberForm, .resultMismatch,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_empty_voucher_date.SI", valid: false, .type4I, .utf8,
      vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .missingField, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_erroneous_taxar.SE", valid: true, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [.encodingMismatch, .missingObjectList, .organizationNumberCheckDigit]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_erroneous_voucher_date.SI", valid: false, .type4I, .utf8,
      vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .invalidDate, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_erroneous_voucher_numbers.SI", valid: true, .type4I, .utf8,
      vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_errors.SE", valid: false, .type4E, .utf8, vouchers: 20,
      checksum: "absent",
      raises: [
        .encodingMismatch, .invalidAccount, .missingObjectList, .organizationNumberCheckDigit,
        .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_faulty_transaction.SI", valid: false, .type4I, .utf8,
      vouchers: 2, checksum: "absent",
      raises: [
        .encodingMismatch, .missingField, .missingObjectList, .unbalancedVoucher,
        .undeclaredAccount, .unquotedText,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_imbalanced_voucher.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .closingBalanceMismatch, .encodingMismatch, .missingObjectList,
        .organizationNumberCheckDigit, .organizationNumberForm, .unbalancedVoucher,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_account_balance.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .closingBalanceMismatch, .encodingMismatch, .missingField, .missingObjectList,
        .organizationNumberCheckDigit, .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_account_numbers.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .duplicateRecord, .encodingMismatch, .missingField, .missingObjectList,
        .organizationNumberCheckDigit, .organizationNumberForm, .undeclaredAccount,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_account_numbers_in_transaction.SI", valid: false,
      .type4I, .utf8, vouchers: 2, checksum: "absent",
      raises: [.encodingMismatch, .missingField, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_company_name.SI", valid: true, .type4I, .utf8,
      vouchers: 2, checksum: "absent", raises: [.encodingMismatch, .undeclaredAccount]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_sru_code.SE", valid: true, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .encodingMismatch, .missingField, .missingObjectList, .organizationNumberCheckDigit,
        .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_voucher_date.SI", valid: false, .type4I, .utf8,
      vouchers: 1, checksum: "absent",
      raises: [.encodingMismatch, .missingField, .undeclaredAccount, .unquotedText]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_missing_voucher_series.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .closingBalanceMismatch, .encodingMismatch, .invalidDate, .missingObjectList,
        .organizationNumberCheckDigit, .organizationNumberForm, .resultMismatch,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_non_numeric_account_number.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .encodingMismatch, .invalidAccount, .missingObjectList, .organizationNumberCheckDigit,
        .organizationNumberForm,
      ]),
    CorpusExpectation(
      "blinfo__BLBLOV_SIE4_UTF_8_with_unparseable_taxar.SE", valid: false, .type4E, .utf8,
      vouchers: 20, checksum: "absent",
      raises: [
        .encodingMismatch, .invalidNumber, .missingObjectList, .organizationNumberCheckDigit,
      ]),
    CorpusExpectation(
      "blinfo__Balanserad förlust.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.forbiddenRecord]),
    CorpusExpectation(
      "blinfo__CC2-foretaget.SE", valid: true, .type4E, .cp437, vouchers: 5, checksum: "absent",
      raises: [.organizationNumberForm]),
    CorpusExpectation(
      "blinfo__CC3.SI", valid: true, .type4I, .cp437, vouchers: 0, checksum: "absent",
      raises: [.organizationNumberForm]),
    CorpusExpectation(
      "blinfo__SIE_test_av_KST_projekt_Testbolaget_e - kopia ny.SE", valid: true, .type4E, .cp437,
      vouchers: 1, checksum: "absent", raises: [.organizationNumberCheckDigit]),
    CorpusExpectation(
      "blinfo__SIE_test_av_KST_projekt_Testbolaget_e - kopia.SE", valid: false, .type4E, .cp437,
      vouchers: 1, checksum: "absent", raises: [.organizationNumberCheckDigit, .undeclaredObject]),
    CorpusExpectation(
      "blinfo__SIE_with_long_voucher_series_number.SE", valid: true, .type4E, .cp437, vouchers: 44,
      checksum: "absent", raises: [.closingBalanceMismatch, .resultMismatch]),
    CorpusExpectation(
      "blinfo__SIE_with_missing_program_version.se", valid: true, .type4I, .cp437, vouchers: 3,
      checksum: "absent",
      raises: [.invalidValue, .missingField, .missingRecord, .undeclaredAccount]),
    CorpusExpectation(
      "blinfo__SieWriterTest-result.si", valid: true, .type4I, .ascii, vouchers: 3,
      checksum: "absent", raises: [.organizationNumberCheckDigit]),
    CorpusExpectation(
      "blinfo__Testbolaget_Enskild_firma.SE", valid: true, .type4E, .cp437, vouchers: 2,
      checksum: "absent", raises: [.organizationNumberForm]),
    CorpusExpectation(
      "blinfo__Transaktioner per Z-rapport.se", valid: true, .type4I, .cp437, vouchers: 10,
      checksum: "absent", raises: [.organizationNumberForm]),
    CorpusExpectation(
      "bufferoverflow-se__SIE4-sample.SE", valid: true, .type4E, .cp437, vouchers: 295,
      checksum: "absent", raises: []),
    CorpusExpectation(
      "iCalcreator__Sie4I1.SI", valid: true, .type4I, .utf8, vouchers: 5, checksum: "absent",
      raises: [.encodingMismatch, .undeclaredAccount]),
    CorpusExpectation(
      "iCalcreator__Sie4I1ksumma.SI", valid: false, .type4I, .utf8, vouchers: 5,
      checksum: "invalid", raises: [.checksumMismatch, .encodingMismatch, .undeclaredAccount]),
    CorpusExpectation(
      "idstam__BL0001_typ1.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField]),
    CorpusExpectation(
      "idstam__BL0001_typ2.SE", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField, .missingRecord]),
    CorpusExpectation(
      "idstam__BL0001_typ3.SE", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField, .missingRecord]),
    CorpusExpectation(
      "idstam__BL0001_typ4.SE", valid: false, .type4E, .cp437, vouchers: 84, checksum: "absent",
      raises: [.duplicateVoucher, .missingField, .undeclaredObject]),
    CorpusExpectation(
      "idstam__BL0001_typ4I.SI", valid: true, .type4I, .cp437, vouchers: 1, checksum: "absent",
      raises: [.missingField, .undeclaredAccount]),
    CorpusExpectation(
      "idstam__BokSald.SE", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__Bokslut%20Norstedts%20SIE%204E.se", valid: true, .type4E, .cp437, vouchers: 177,
      checksum: "valid", raises: [.emptyVoucher]),
    CorpusExpectation(
      "idstam__BokslutSIE1.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: []),
    CorpusExpectation(
      "idstam__Exempelbolaget_SIE_110322_B_33.si", valid: true, .type4I, .cp437, vouchers: 13,
      checksum: "absent", raises: [.undeclaredAccount]),
    CorpusExpectation(
      "idstam__FAKT.SI", valid: true, .type4I, .cp437, vouchers: 1, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__HAS1_1412.se", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__HAS2_1412.se", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__HAS3_1412.se", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__HAS4i_1412.si", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__L%C3%B6n.si", valid: true, .type4I, .cp437, vouchers: 1, checksum: "absent",
      raises: []),
    CorpusExpectation(
      "idstam__LON%20L%C3%B6nek%C3%B6rning.SI", valid: true, .type4I, .cp437, vouchers: 1,
      checksum: "absent", raises: [.undeclaredAccount, .undeclaredObject]),
    CorpusExpectation(
      "idstam__MAMUT_SIE1_EXPORT.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.recordOrder]),
    CorpusExpectation(
      "idstam__MAMUT_SIE2_EXPORT.SE", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.recordOrder]),
    CorpusExpectation(
      "idstam__MAMUT_SIE3_EXPORT.SE", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.recordOrder]),
    CorpusExpectation(
      "idstam__Norstedts%20Bokslut%20SIE%201.se", valid: true, .type1, .cp437, vouchers: 0,
      checksum: "valid", raises: [.missingRecord]),
    CorpusExpectation(
      "idstam__Norstedts%20Bokslut%20SIE%204I.si", valid: true, .type4I, .cp437, vouchers: 2,
      checksum: "valid", raises: []),
    CorpusExpectation(
      "idstam__ObjSald.SE", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__PerSald.SE", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__SIE-fil%20fr%C3%A5n%20Visma%20Eget%20Aktiebolag%202010.se", valid: true, .type1,
      .cp437, vouchers: 0, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__SIE-fil%20fr%C3%A5n%20Visma%20Enskild%20Firma%202010.se", valid: true, .type1,
      .cp437, vouchers: 0, checksum: "absent", raises: [.missingField]),
    CorpusExpectation(
      "idstam__SIE4%20Visma%20Anl%C3%A4ggningsregister.si", valid: true, .type4I, .cp437,
      vouchers: 1, checksum: "absent", raises: [.undeclaredAccount, .undeclaredObject]),
    CorpusExpectation(
      "idstam__SIE4_Exempelfil_med_underdim.SE", valid: false, .type4E, .utf8, vouchers: 295,
      checksum: "absent", raises: [.alreadyImported, .encodingMismatch, .undeclaredObject]),
    CorpusExpectation(
      "idstam__SIE_exempelfil.se", valid: true, .type4E, .cp437, vouchers: 26, checksum: "absent",
      raises: [.missingField]),
    CorpusExpectation(
      "idstam__Sie%201+2.se", valid: false, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.forbiddenRecord, .undeclaredAccount]),
    CorpusExpectation(
      "idstam__Sie%201.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent", raises: []
    ),
    CorpusExpectation(
      "idstam__Sie%202.SE", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent", raises: []
    ),
    CorpusExpectation(
      "idstam__Sie%203%20+%204.se", valid: false, .type4E, .cp437, vouchers: 2, checksum: "absent",
      raises: [.undeclaredAccount, .undeclaredObject]),
    CorpusExpectation(
      "idstam__Sie1.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "valid", raises: []),
    CorpusExpectation(
      "idstam__Sie2.se", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField, .missingRecord]),
    CorpusExpectation(
      "idstam__Sie3.se", valid: false, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.invalidAccount, .missingField, .recordOrder, .undeclaredAccount]),
    CorpusExpectation(
      "idstam__Sie4.se", valid: false, .type4E, .cp437, vouchers: 70, checksum: "absent",
      raises: [
        .closingBalanceMismatch, .invalidAccount, .invalidValue, .missingField, .resultMismatch,
        .undeclaredAccount, .unterminatedQuote,
      ]),
    CorpusExpectation(
      "idstam__Sie4.si", valid: true, .type4E, .cp437, vouchers: 165, checksum: "absent",
      raises: [.closingBalanceMismatch, .missingField]),
    CorpusExpectation(
      "idstam__TRANSAK.SE", valid: false, .type1, .ascii, vouchers: 0, checksum: "absent",
      raises: [.notSIEFile]),
    CorpusExpectation(
      "idstam__Test1.SE", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__Test2.SE", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__Test3.SE", valid: false, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.undeclaredObject]),
    CorpusExpectation(
      "idstam__Test4.SE", valid: false, .type4E, .cp437, vouchers: 167, checksum: "absent",
      raises: [.undeclaredObject]),
    CorpusExpectation(
      "idstam__XE_SIE_1_20151125094750.SE", valid: true, .type1, .cp437, vouchers: 0,
      checksum: "absent",
      raises: [.organizationNumberCheckDigit, .organizationNumberForm, .unescapedQuote]),
    CorpusExpectation(
      "idstam__XE_SIE_2_20151125094903.SE", valid: true, .type2, .cp437, vouchers: 0,
      checksum: "absent",
      raises: [
        .missingRecord, .organizationNumberCheckDigit, .organizationNumberForm, .unescapedQuote,
      ]),
    CorpusExpectation(
      "idstam__XE_SIE_3_20151125094952.SE", valid: true, .type3, .cp437, vouchers: 0,
      checksum: "absent",
      raises: [
        .missingRecord, .organizationNumberCheckDigit, .organizationNumberForm, .unescapedQuote,
      ]),
    CorpusExpectation(
      "idstam__arsaldo_ovnbolag.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.organizationNumberForm]),
    CorpusExpectation(
      "idstam__live2011.se", valid: true, .type4E, .cp437, vouchers: 3, checksum: "absent",
      raises: []),
    CorpusExpectation(
      "idstam__magenta_bokf%C3%B6ring_SIE1.se", valid: true, .type1, .cp437, vouchers: 0,
      checksum: "absent", raises: [.duplicateRecord, .organizationNumberCheckDigit, .unquotedText]),
    CorpusExpectation(
      "idstam__magenta_bokf%C3%B6ring_SIE2.se", valid: true, .type2, .cp437, vouchers: 0,
      checksum: "absent", raises: [.duplicateRecord, .organizationNumberCheckDigit, .unquotedText]),
    CorpusExpectation(
      "idstam__magenta_bokf%C3%B6ring_SIE3.se", valid: true, .type3, .cp437, vouchers: 0,
      checksum: "absent",
      raises: [.duplicateRecord, .organizationNumberCheckDigit, .recordOrder, .unquotedText]),
    CorpusExpectation(
      "idstam__magenta_bokf%C3%B6ring_SIE4I.se", valid: true, .type4I, .cp437, vouchers: 19,
      checksum: "absent",
      raises: [.duplicateRecord, .forbiddenRecord, .organizationNumberCheckDigit, .unquotedText]),
    CorpusExpectation(
      "idstam__objektsaldo_ovnbolag.se", valid: true, .type3, .cp437, vouchers: 0,
      checksum: "absent", raises: [.missingRecord, .organizationNumberForm]),
    CorpusExpectation(
      "idstam__periodsaldo_ovnbolag.se", valid: true, .type2, .cp437, vouchers: 0,
      checksum: "absent", raises: [.missingRecord, .organizationNumberForm]),
    CorpusExpectation(
      "idstam__si.SI", valid: true, .type4I, .cp437, vouchers: 47, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__sie%203.SE", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingRecord]),
    CorpusExpectation(
      "idstam__testWrite.se", valid: false, .type4E, .cp437, vouchers: 65, checksum: "absent",
      raises: [.organizationNumberCheckDigit, .organizationNumberForm, .unbalancedVoucher]),
    CorpusExpectation(
      "idstam__transaktioner_ovnbolag.se", valid: true, .type4E, .cp437, vouchers: 163,
      checksum: "absent", raises: [.organizationNumberForm]),
    CorpusExpectation(
      "idstam__typ1.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingRecord]),
    CorpusExpectation(
      "idstam__typ2.se", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingRecord]),
    CorpusExpectation(
      "idstam__typ3.se", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__typ4.se", valid: true, .type4E, .cp437, vouchers: 81, checksum: "absent", raises: []),
    CorpusExpectation(
      "idstam__typ4si.si", valid: true, .type4I, .cp437, vouchers: 81, checksum: "absent",
      raises: []),
    CorpusExpectation(
      "idstam__urval_ovnbolag.si", valid: true, .type4I, .cp437, vouchers: 16, checksum: "absent",
      raises: [.alreadyImported, .organizationNumberForm]),
    CorpusExpectation(
      "jokedst__20170101-20171231.se", valid: true, .type4E, .cp437, vouchers: 0,
      checksum: "absent", raises: []),
    CorpusExpectation(
      "jokedst__SIE4 Exempelfil.SE", valid: true, .type4E, .cp437, vouchers: 295,
      checksum: "absent", raises: [.alreadyImported]),
    CorpusExpectation(
      "neam__Sie1.se", valid: true, .type1, .cp437, vouchers: 0, checksum: "absent",
      raises: [.forbiddenRecord, .missingField]),
    CorpusExpectation(
      "neam__Sie2.se", valid: true, .type2, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField]),
    CorpusExpectation(
      "neam__Sie3.se", valid: true, .type3, .cp437, vouchers: 0, checksum: "absent",
      raises: [.missingField]),
    CorpusExpectation(
      "neam__Sie4.se", valid: true, .type4E, .cp437, vouchers: 194, checksum: "absent",
      raises: [.missingField]),
    CorpusExpectation(
      "skatasweden__ByggnadsställningsentreprenadiStockholmAB20260330_170428.se", valid: true,
      .type4E, .cp437, vouchers: 4434, checksum: "absent", raises: [.removedRowsOnly]),
    CorpusExpectation(
      "skatasweden__SIE4 Exempelfil.SE", valid: true, .type4E, .cp437, vouchers: 295,
      checksum: "absent", raises: [.alreadyImported]),
    CorpusExpectation(
      "skatasweden__SkataSwedenAB20260330_170222.se", valid: true, .type4E, .cp437, vouchers: 66,
      checksum: "absent", raises: []),
    CorpusExpectation(
      "wilhelmuggla__Sie4E1.SI", valid: false, .type4E, .utf8, vouchers: 5, checksum: "absent",
      raises: [.closingBalanceMismatch, .encodingMismatch, .resultMismatch, .undeclaredAccount]),
    CorpusExpectation(
      "wilhelmuggla__Sie4E1ksumma.SI", valid: false, .type4E, .utf8, vouchers: 5,
      checksum: "invalid",
      raises: [
        .checksumMismatch, .closingBalanceMismatch, .encodingMismatch, .resultMismatch,
        .undeclaredAccount,
      ]),
    CorpusExpectation(
      "wilhelmuggla__Sie4I1.SI", valid: true, .type4I, .utf8, vouchers: 5, checksum: "absent",
      raises: [.encodingMismatch, .undeclaredAccount]),
    CorpusExpectation(
      "wilhelmuggla__Sie4I1ksumma.SI", valid: true, .type4I, .utf8, vouchers: 5, checksum: "valid",
      raises: [.encodingMismatch, .undeclaredAccount]),
  ]
}
