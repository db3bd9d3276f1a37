package cloud.consolesensei.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Test helper: the parts of a MIME message (text, HTML, attachments). */
record Mails(String text, String html, List<Attachment> attachments) {

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    static Mails parts(Part message) throws Exception {
        List<String> text = new ArrayList<>();
        List<String> html = new ArrayList<>();
        List<Attachment> att = new ArrayList<>();
        walk(message, text, html, att);
        return new Mails(text.isEmpty() ? null : text.get(0), html.isEmpty() ? null : html.get(0), att);
    }

    static MimeMessage read(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
        }
    }

    private static void walk(Part p, List<String> text, List<String> html, List<Attachment> att) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
            try (InputStream in = p.getInputStream()) {
                att.add(new Attachment(p.getFileName(), p.getContentType(), in.readAllBytes()));
            }
        } else if (p.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                walk(b, text, html, att);
            }
        } else if (p.isMimeType("text/plain")) {
            text.add((String) p.getContent());
        } else if (p.isMimeType("text/html")) {
            html.add((String) p.getContent());
        }
    }
}
