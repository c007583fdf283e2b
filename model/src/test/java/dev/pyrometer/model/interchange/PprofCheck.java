package dev.pyrometer.model.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Checks a pprof file with protobuf-java's own parser and a schema transcribed here, separately from the writer,
 * from pprof's proto/profile.proto (the fields Pyrometer uses), so a wrong field number or wire type shows up.
 */
final class PprofCheck {
    private PprofCheck() {}

    private static FieldDescriptorProto field(String name, int number, Type type, boolean repeated, String messageType) {
        FieldDescriptorProto.Builder f = FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
            .setLabel(repeated ? Label.LABEL_REPEATED : Label.LABEL_OPTIONAL);
        if (messageType != null) f.setTypeName(".perftools.profiles." + messageType);
        return f.build();
    }

    private static DescriptorProto message(String name, FieldDescriptorProto... fields) {
        return DescriptorProto.newBuilder().setName(name).addAllField(List.of(fields)).build();
    }

    static Descriptor profileDescriptor() throws Exception {
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("profile.proto").setPackage("perftools.profiles")
            .setSyntax("proto3")
            .addMessageType(message("Profile",
                field("sample_type", 1, Type.TYPE_MESSAGE, true, "ValueType"),
                field("sample", 2, Type.TYPE_MESSAGE, true, "Sample"),
                field("location", 4, Type.TYPE_MESSAGE, true, "Location"),
                field("function", 5, Type.TYPE_MESSAGE, true, "Function"),
                field("string_table", 6, Type.TYPE_STRING, true, null),
                field("time_nanos", 9, Type.TYPE_INT64, false, null),
                field("duration_nanos", 10, Type.TYPE_INT64, false, null),
                field("period_type", 11, Type.TYPE_MESSAGE, false, "ValueType"),
                field("period", 12, Type.TYPE_INT64, false, null),
                field("comment", 13, Type.TYPE_INT64, true, null),
                field("default_sample_type", 14, Type.TYPE_INT64, false, null)))
            .addMessageType(message("ValueType",
                field("type", 1, Type.TYPE_INT64, false, null),
                field("unit", 2, Type.TYPE_INT64, false, null)))
            .addMessageType(message("Sample",
                field("location_id", 1, Type.TYPE_UINT64, true, null),
                field("value", 2, Type.TYPE_INT64, true, null),
                field("label", 3, Type.TYPE_MESSAGE, true, "Label")))
            .addMessageType(message("Label",
                field("key", 1, Type.TYPE_INT64, false, null),
                field("str", 2, Type.TYPE_INT64, false, null),
                field("num", 3, Type.TYPE_INT64, false, null),
                field("num_unit", 4, Type.TYPE_INT64, false, null)))
            .addMessageType(message("Location",
                field("id", 1, Type.TYPE_UINT64, false, null),
                field("mapping_id", 2, Type.TYPE_UINT64, false, null),
                field("address", 3, Type.TYPE_UINT64, false, null),
                field("line", 4, Type.TYPE_MESSAGE, true, "Line"),
                field("is_folded", 5, Type.TYPE_BOOL, false, null)))
            .addMessageType(message("Line",
                field("function_id", 1, Type.TYPE_UINT64, false, null),
                field("line", 2, Type.TYPE_INT64, false, null),
                field("column", 3, Type.TYPE_INT64, false, null)))
            .addMessageType(message("Function",
                field("id", 1, Type.TYPE_UINT64, false, null),
                field("name", 2, Type.TYPE_INT64, false, null),
                field("system_name", 3, Type.TYPE_INT64, false, null),
                field("filename", 4, Type.TYPE_INT64, false, null),
                field("start_line", 5, Type.TYPE_INT64, false, null)))
            .build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Profile");
    }

    @SuppressWarnings("unchecked")
    static void assertWellFormed(byte[] gzipped, long expectedPeriod, long expectedStartNanos) throws IOException {
        DynamicMessage profile;
        Descriptor d;
        try {
            d = profileDescriptor();
            profile = DynamicMessage.parseFrom(d, new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes());
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertTrue(profile.getUnknownFields().asMap().isEmpty(), "no fields outside the schema");
        List<String> strings = (List<String>) profile.getField(d.findFieldByName("string_table"));
        assertEquals("", strings.getFirst());
        List<DynamicMessage> types = (List<DynamicMessage>) profile.getField(d.findFieldByName("sample_type"));
        assertEquals(List.of("samples/count", "cpu/nanoseconds"), types.stream().map(t -> strings.get(intField(t, "type")) + "/" + strings.get(intField(t, "unit"))).toList());
        assertEquals(expectedPeriod, (long) profile.getField(d.findFieldByName("period")));
        assertEquals(expectedStartNanos, (long) profile.getField(d.findFieldByName("time_nanos")));
        assertEquals("cpu", strings.get((int) (long) profile.getField(d.findFieldByName("default_sample_type"))));
        Set<Long> functionIds = new HashSet<>();
        for (DynamicMessage f : (List<DynamicMessage>) profile.getField(d.findFieldByName("function"))) {
            functionIds.add(longField(f, "id"));
            assertTrue(intField(f, "name") > 0 && intField(f, "filename") > 0 && intField(f, "name") < strings.size());
        }
        Set<Long> locationIds = new HashSet<>();
        for (DynamicMessage loc : (List<DynamicMessage>) profile.getField(d.findFieldByName("location"))) {
            locationIds.add(longField(loc, "id"));
            List<DynamicMessage> lines = (List<DynamicMessage>) loc.getField(loc.getDescriptorForType().findFieldByName("line"));
            assertEquals(1, lines.size());
            assertTrue(functionIds.contains(longField(lines.getFirst(), "function_id")));
            assertTrue(longField(lines.getFirst(), "line") > 0);
        }
        for (DynamicMessage s : (List<DynamicMessage>) profile.getField(d.findFieldByName("sample"))) {
            List<Long> values = (List<Long>) s.getField(s.getDescriptorForType().findFieldByName("value"));
            assertEquals(2, values.size());
            assertEquals(values.get(0) * expectedPeriod, (long) values.get(1));
            for (Long id : (List<Long>) s.getField(s.getDescriptorForType().findFieldByName("location_id"))) {
                assertTrue(locationIds.contains(id), "location " + id + " exists");
            }
        }
    }

    private static int intField(DynamicMessage m, String name) {
        return (int) longField(m, name);
    }

    private static long longField(DynamicMessage m, String name) {
        return (long) m.getField(m.getDescriptorForType().findFieldByName(name));
    }
}
