package io.camelftplib.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each tenth is reported once, when the reader has taken that many bytes, and not before. */
class ProgressInputStreamTest {

    private final List<String> reports = new ArrayList<>();

    @Test
    void eachTenthIsReportedOnceWhenItsBytesHaveBeenRead() throws IOException {
        ProgressInputStream in = progress(new byte[1000]);
        byte[] buffer = new byte[99];
        assertThat(in.read(buffer)).isEqualTo(99);
        assertThat(reports).isEmpty();
        assertThat(in.read()).isEqualTo(0);
        assertThat(reports).containsExactly("10% at 100");
        assertThat(in.read(buffer, 0, 99)).isEqualTo(99);
        assertThat(in.read(new byte[301])).isEqualTo(301);
        assertThat(reports).containsExactly("10% at 100", "20% at 500", "30% at 500", "40% at 500", "50% at 500");
        assertThat(in.readAllBytes()).hasSize(500);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(reports).hasSize(10).endsWith("100% at 1000");
    }

    @Test
    void skippedBytesCountAsRead() throws IOException {
        ProgressInputStream in = progress(new byte[10]);
        assertThat(in.skip(5)).isEqualTo(5);
        assertThat(reports).containsExactly("10% at 5", "20% at 5", "30% at 5", "40% at 5", "50% at 5");
    }

    @Test
    void anUnknownSizeIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new ProgressInputStream(InputStream.nullInputStream(), -1, tenth -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a progress stream needs the expected size, got -1");
    }

    private ProgressInputStream progress(byte[] data) {
        ProgressInputStream[] self = new ProgressInputStream[1];
        self[0] = new ProgressInputStream(new ByteArrayInputStream(data), data.length,
                tenth -> reports.add(tenth * 10 + "% at " + self[0].bytesRead()));
        return self[0];
    }
}
