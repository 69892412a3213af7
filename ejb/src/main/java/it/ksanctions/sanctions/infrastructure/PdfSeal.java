package it.ksanctions.sanctions.infrastructure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Seals a PDF with an electronic seal in the PAdES baseline B-B form (ETSI EN 319 142-1): an
 * incremental update that adds a signature dictionary ({@code Adobe.PPKLite}, {@code
 * ETSI.CAdES.detached}) whose content is a detached CMS SignedData over the file's byte range,
 * SHA-256, with the signing-certificate-v2 attribute and without the signing-time attribute (the
 * time is the dictionary's {@code M}, as PAdES asks).
 *
 * <p>The incremental update leaves the original bytes untouched, so a PDF/A-1b file stays one. The
 * JCA's default providers do the signing; BouncyCastle only builds the CMS structure, so no
 * security provider is registered.
 */
public final class PdfSeal {

  /** Room reserved for the CMS in the file (bytes): a chain of a few certificates fits. */
  private static final int SIGNATURE_SIZE = 16_384;

  private PdfSeal() {}

  /**
   * Seals the PDF.
   *
   * @param pdf the document to seal
   * @param key the seal's private key with its certificate chain (e.g. from a PKCS#12 key store)
   * @param signerName the name written in the signature dictionary
   * @param reason the reason written in the signature dictionary, nullable
   * @param when the signing time written in the signature dictionary
   * @return the sealed document: the original bytes followed by the incremental update
   */
  public static byte[] seal(
      byte[] pdf, KeyStore.PrivateKeyEntry key, String signerName, String reason, Calendar when) {
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(when, "when");
    try (PDDocument doc = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signerName);
      if (reason != null) {
        signature.setReason(reason);
      }
      signature.setSignDate(when);
      options.setPreferredSignatureSize(SIGNATURE_SIZE);
      doc.addSignature(signature, new CmsSigner(key), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 8192);
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot seal the PDF", e);
    }
  }

  /** Signs the byte range PDFBox hands over: a detached CMS SignedData, DER encoded. */
  private static final class CmsSigner implements SignatureInterface {

    private final KeyStore.PrivateKeyEntry key;

    CmsSigner(KeyStore.PrivateKeyEntry key) {
      this.key = key;
    }

    @Override
    public byte[] sign(InputStream content) throws IOException {
      try {
        PrivateKey privateKey = key.getPrivateKey();
        X509Certificate certificate = (X509Certificate) key.getCertificate();
        ContentSigner signer = new JcaContentSignerBuilder(algorithm(privateKey)).build(privateKey);
        SignerInfoGenerator signerInfo =
            new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new PadesAttributes(signingCertificateV2(certificate)))
                .build(signer, certificate);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo);
        generator.addCertificates(
            new JcaCertStore(Arrays.<Certificate>asList(key.getCertificateChain())));
        CMSSignedData signed =
            generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false);
        return signed.getEncoded(ASN1Encoding.DER);
      } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
        throw new IOException("Cannot build the CMS signature", e);
      }
    }

    private static String algorithm(PrivateKey key) {
      return switch (key.getAlgorithm()) {
        case "RSA" -> "SHA256withRSA";
        case "EC", "ECDSA" -> "SHA256withECDSA";
        default ->
            throw new IllegalArgumentException("Unsupported seal key: " + key.getAlgorithm());
      };
    }

    /** The signing-certificate-v2 attribute (RFC 5035): the SHA-256 of the signer's certificate. */
    private static AttributeTable signingCertificateV2(X509Certificate certificate)
        throws GeneralSecurityException {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      IssuerSerial issuerSerial =
          new IssuerSerial(
              new GeneralNames(
                  new GeneralName(
                      X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
              certificate.getSerialNumber());
      ESSCertIDv2 certId = new ESSCertIDv2(hash, issuerSerial);
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
      return new AttributeTable(attributes);
    }
  }

  /**
   * BouncyCastle's signed attributes (content type, message digest, algorithm protection) plus
   * signing-certificate-v2, less the signing time that PAdES leaves out of the CMS.
   */
  private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {

    PadesAttributes(AttributeTable attributes) {
      super(attributes);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public AttributeTable getAttributes(Map parameters) {
      return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }
  }
}
