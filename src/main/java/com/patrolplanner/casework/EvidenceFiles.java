package com.patrolplanner.casework;

import com.patrolplanner.i18n.Messages;
import com.patrolplanner.registry.ChangeHistory;
import com.patrolplanner.registry.Jurisdiction;
import com.patrolplanner.registry.RegistryService;
import com.patrolplanner.registry.Venue;
import com.patrolplanner.web.ApiException;
import com.patrolplanner.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evidence photos and documents (证据照片、书证): JPEG, PNG, WebP or PDF, at most {@code patrol.casework.max-upload}
 * bytes (default 10 MB), stored with their SHA-256 in the database. The declared type must be one of those (else 415)
 * and the first bytes must be of that type (else 422: a renamed file is refused). A file belongs to an evidence item of
 * a case, or to an inspection when taken in the field before any case exists; it is seen by whoever sees its case or
 * inspection.
 */
@ApplicationScoped
public class EvidenceFiles {
    public static final Map<String, byte[]> MAGIC = Map.of(
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            "image/webp", new byte[] {'R', 'I', 'F', 'F'},
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'});

    @Inject
    EntityManager em;
    @Inject
    CaseService cases;
    @Inject
    CaseQueries queries;
    @Inject
    Jurisdiction jurisdiction;
    @Inject
    RegistryService registry;
    @ConfigProperty(name = "patrol.casework.max-upload", defaultValue = "10485760")
    long maxBytes;

    public record Upload(String fileName, String contentType, Path file, long size) {
    }

    public record FileView(long id, String fileName, String contentType, long sizeBytes, String sha256) {
    }

    public record Content(String fileName, String contentType, byte[] bytes, String sha256) {
    }

    @Transactional
    public FileView toEvidence(long caseId, long evidenceId, Upload up, Actor actor) {
        long[] owner = queries.evidenceOwner(caseId, evidenceId, actor);
        FileView f = store(up, owner[0] < 0 ? null : owner[0], owner[1] < 0 ? null : owner[1], evidenceId, null, actor);
        registry.history(CaseService.HISTORY_TYPE, caseId, "file", actor.name(), null,
                ChangeHistory.diff(Map.of(), Map.of("file", f.fileName() + " sha256:" + f.sha256(), "evidence", evidenceId)));
        return f;
    }

    /** A photo taken in the field for an inspection (the team's own; 404 for another team's or unit's). */
    @Transactional
    public FileView toInspection(long inspectionId, Upload up, Actor actor) {
        Object[] i = cases.inspection(inspectionId, actor);
        Venue v = Venue.findById(((Number) i[0]).longValue());
        FileView f = store(up, v.unitId, i[1] == null ? null : ((Number) i[1]).longValue(), null, inspectionId, actor);
        registry.history("inspection_photo", f.id(), "upload", actor.name(), null, ChangeHistory.diff(Map.of(),
                Map.of("inspection", inspectionId, "file", f.fileName(), "sha256", f.sha256(), "sizeBytes", f.sizeBytes())));
        return f;
    }

    @Transactional
    public List<FileView> ofInspection(long inspectionId, Actor actor) {
        cases.inspection(inspectionId, actor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, file_name, content_type, size_bytes, sha256 FROM evidence_file "
                + "WHERE inspection_id = ?1 ORDER BY id").setParameter(1, inspectionId).getResultList();
        List<FileView> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new FileView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4]));
        }
        return out;
    }

    @Transactional
    public Content content(long fileId, Actor actor) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT unit_id, team_id, file_name, content_type, content, sha256 FROM evidence_file "
                + "WHERE id = ?1").setParameter(1, fileId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound(Messages.of("noun.file", fileId));
        }
        Object[] r = rows.get(0);
        Long unit = Rows.num(r[0]);
        Long team = Rows.num(r[1]);
        if (!jurisdiction.scope().sees(unit) || (actor.teamScoped() && !Objects.equals(team, actor.teamId()))) {
            throw ApiException.notFound(Messages.of("noun.file", fileId));
        }
        return new Content((String) r[2], (String) r[3], (byte[]) r[4], (String) r[5]);
    }

    private FileView store(Upload up, Long unitId, Long teamId, Long evidenceId, Long inspectionId, Actor actor) {
        if (up == null || up.file() == null) {
            throw ApiException.invalid("file", Messages.of("common.multipartFile"));
        }
        String type = up.contentType() == null ? "" : up.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!MAGIC.containsKey(type)) {
            throw new ApiException(415, "Unsupported media type", Messages.of("evidence.typeRefused", type),
                    List.of(FieldError.of("file", Messages.of("evidence.typeRefusedReason",
                            type.isEmpty() ? "(none)" : type))));
        }
        if (up.size() > maxBytes) {
            throw new ApiException(413, "Content too large", Messages.of("evidence.tooLarge", maxBytes),
                    List.of(FieldError.of("file", Messages.of("evidence.atMostBytes", maxBytes))));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(up.file());
        } catch (IOException e) {
            throw ApiException.invalid("file", Messages.of("evidence.unreadable"));
        }
        if (bytes.length == 0) {
            throw ApiException.invalid("file", Messages.of("common.empty"));
        }
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "Content too large", Messages.of("evidence.tooLarge", maxBytes),
                    List.of(FieldError.of("file", Messages.of("evidence.atMostBytes", maxBytes))));
        }
        if (!startsWith(bytes, MAGIC.get(type)) || ("image/webp".equals(type) && !webp(bytes))) {
            throw ApiException.invalid("file", Messages.of("evidence.notType", type));
        }
        String name = up.fileName() == null || up.fileName().isBlank() ? "file" : up.fileName().trim();
        name = name.replaceAll("[\\\\/\\p{Cntrl}]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String sha = sha256(bytes);
        long id = ((Number) em.createNativeQuery("""
                INSERT INTO evidence_file (unit_id, team_id, evidence_id, inspection_id, file_name, content_type, size_bytes,
                    sha256, content, uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id""")
                .setParameter(1, unitId).setParameter(2, teamId).setParameter(3, evidenceId).setParameter(4, inspectionId)
                .setParameter(5, name).setParameter(6, type).setParameter(7, bytes.length).setParameter(8, sha)
                .setParameter(9, bytes).setParameter(10, actor.name()).getSingleResult()).longValue();
        return new FileView(id, name, type, bytes.length, sha);
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int k = 0; k < magic.length; k++) {
            if (b[k] != magic[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean webp(byte[] b) {
        return b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
