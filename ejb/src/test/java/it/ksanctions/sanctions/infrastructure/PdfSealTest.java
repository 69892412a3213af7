package it.ksanctions.sanctions.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seals a rendered verbale with a test certificate and checks the seal and the PDF/A. */
class PdfSealTest {

  private static final X500Name SUBJECT =
      new X500Name("CN=Polizia Locale di Latina - sigillo di prova, O=Comune di Latina, C=IT");

  @TempDir Path dir;

  @Test
  void seals_the_verbale_with_a_cades_detached_signature_and_keeps_it_pdf_a() throws Exception {
    byte[] pdf = new VerbalePdf().render(VerbalePdfTest.sample());
    KeyStore.PrivateKeyEntry key = selfSigned();
    Calendar when = Calendar.getInstance(TimeZone.getTimeZone("Europe/Rome"));

    byte[] sealed = PdfSeal.seal(pdf, key, "Polizia Locale di Latina", "Sigillo del verbale", when);

    assertThat(Arrays.copyOf(sealed, pdf.length))
        .as("an incremental update: the original bytes come first, untouched")
        .isEqualTo(pdf);
    try (PDDocument doc = Loader.loadPDF(sealed)) {
      List<PDSignature> signatures = doc.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getFilter()).isEqualTo(PDSignature.FILTER_ADOBE_PPKLITE.getName());
      assertThat(signature.getSubFilter())
          .isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
      assertThat(signature.getName()).isEqualTo("Polizia Locale di Latina");
      assertThat(signature.getReason()).isEqualTo("Sigillo del verbale");
      int[] range = signature.getByteRange();
      assertThat(range[0]).isZero();
      assertThat(range[2] + range[3])
          .as("the byte range covers the whole file")
          .isEqualTo(sealed.length);

      byte[] signedContent = signature.getSignedContent(sealed);
      CMSSignedData cms =
          new CMSSignedData(new CMSProcessableByteArray(signedContent), cms(signature, sealed));
      assertThat(cms.getSignerInfos().size()).isEqualTo(1);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      X509CertificateHolder certificate =
          (X509CertificateHolder)
              cms.getCertificates().getMatches(signer.getSID()).iterator().next();
      assertThat(certificate.getSubject()).isEqualTo(SUBJECT);
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)))
          .isTrue();
      assertThat(signer.getDigestAlgOID()).isEqualTo("2.16.840.1.101.3.4.2.1"); // SHA-256
      assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
          .isNotNull();
      assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime))
          .as("PAdES puts the time in the dictionary, not in the CMS")
          .isNull();

      // A byte changed in the signed content no longer verifies.
      signedContent[signedContent.length / 2] ^= 1;
      CMSSignedData tampered =
          new CMSSignedData(new CMSProcessableByteArray(signedContent), cms(signature, sealed));
      SignerInformation tamperedSigner = tampered.getSignerInfos().getSigners().iterator().next();
      assertThatThrownBy(
              () ->
                  tamperedSigner.verify(
                      new JcaSimpleSignerInfoVerifierBuilder().build(certificate)))
          .isInstanceOf(CMSSignerDigestMismatchException.class);
    }

    Path file = dir.resolve("sealed.pdf");
    Files.write(file, sealed);
    ValidationResult result = PreflightParser.validate(file.toFile());
    result
        .getErrorsList()
        .forEach(e -> System.err.println("Preflight: " + e.getErrorCode() + " " + e.getDetails()));
    assertThat(result.isValid()).as("the sealed file is still PDF/A-1b").isTrue();
  }

  /**
   * The CMS in the signature's {@code /Contents}: the hex string is padded with zeros up to the
   * room reserved, which BouncyCastle refuses as extra data, so only the first DER object is read.
   */
  private static ContentInfo cms(PDSignature signature, byte[] pdf) throws IOException {
    try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
      return ContentInfo.getInstance(in.readObject());
    }
  }

  /**
   * An RSA 2048 key with a self-signed certificate valid for a day, read back from a PKCS#12 key
   * store as the product reads its seal.
   */
  private static KeyStore.PrivateKeyEntry selfSigned() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            SUBJECT,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            SUBJECT,
            pair.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(
        Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    char[] password = "prova".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("seal", pair.getPrivate(), password, new Certificate[] {certificate});
    ByteArrayOutputStream p12 = new ByteArrayOutputStream();
    store.store(p12, password);
    KeyStore loaded = KeyStore.getInstance("PKCS12");
    loaded.load(new ByteArrayInputStream(p12.toByteArray()), password);
    return (KeyStore.PrivateKeyEntry)
        loaded.getEntry("seal", new KeyStore.PasswordProtection(password));
  }
}
