using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ZenWebsocket.Testing;

/// <summary>Generates throwaway TLS server certificates for loopback servers.</summary>
public static class SelfSignedCertificate
{
    private const string ServerAuthenticationOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Creates a self-signed RSA 2048 certificate for <c>CN=localhost</c> with subject alternative names
    /// <c>localhost</c> and <c>127.0.0.1</c>, valid from yesterday for 30 days, with its private key.
    /// Clients must trust it explicitly (for example by thumbprint); nothing is installed in a store.
    /// </summary>
    /// <returns>A certificate the caller owns and should dispose.</returns>
    public static X509Certificate2 CreateForLocalhost()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthenticationOid)], false));

        // Validity is checked by real TLS stacks against the real clock, never against a test's fake time.
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Round-trip through PFX: a certificate straight from CreateSelfSigned holds an ephemeral key that
        // SslStream on Linux cannot always use as a server credential.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
