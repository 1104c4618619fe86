package io.camelftplib.camel;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;

/**
 * The file system of {@link FaultyFtpServerExtension}: the native view, with files whose names contain
 * {@code broken} failing after 1 MiB of a read, files whose names contain {@code stalled} sending nothing until
 * released (and, when uploaded, storing nothing, so the server stops reading the data connection, as on a stalled
 * disk), and directories named {@code hostile} listing {@link FaultyFtpServerExtension#HOSTILE_NAMES} besides
 * their real files.
 *
 * <p>One per user session; the stall latches are the extension's.
 */
final class FaultyView implements FileSystemView {

    private final FileSystemView delegate;
    private final CountDownLatch stallRelease;
    private final CountDownLatch writeRelease;

    FaultyView(FileSystemView delegate, CountDownLatch stallRelease, CountDownLatch writeRelease) {
        this.delegate = delegate;
        this.stallRelease = stallRelease;
        this.writeRelease = writeRelease;
    }

    @Override
    public FtpFile getHomeDirectory() throws FtpException {
        return new FaultyFile(delegate.getHomeDirectory(), stallRelease, writeRelease);
    }

    @Override
    public FtpFile getWorkingDirectory() throws FtpException {
        return new FaultyFile(delegate.getWorkingDirectory(), stallRelease, writeRelease);
    }

    @Override
    public boolean changeWorkingDirectory(String dir) throws FtpException {
        return delegate.changeWorkingDirectory(dir);
    }

    @Override
    public FtpFile getFile(String file) throws FtpException {
        return new FaultyFile(delegate.getFile(file), stallRelease, writeRelease);
    }

    @Override
    public boolean isRandomAccessible() throws FtpException {
        return delegate.isRandomAccessible();
    }

    @Override
    public void dispose() {
        delegate.dispose();
    }

    /**
     * A real file, except that broken files fail mid-read, stalled files send nothing until released, and hostile
     * directories list fake entries.
     */
    private record FaultyFile(FtpFile delegate, CountDownLatch stallRelease, CountDownLatch writeRelease)
            implements FtpFile {

        @Override
        public List<? extends FtpFile> listFiles() {
            List<FtpFile> files = new ArrayList<>();
            for (FtpFile f : delegate.listFiles()) {
                files.add(new FaultyFile(f, stallRelease, writeRelease));
            }
            if (delegate.getName().equals("hostile")) {
                for (String name : FaultyFtpServerExtension.HOSTILE_NAMES) {
                    files.add(new FakeFile(name));
                }
            }
            return files;
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            InputStream in = delegate.createInputStream(offset);
            if (delegate.getName().contains("stalled")) {
                return new FilterInputStream(in) {
                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        awaitRelease(stallRelease, "read");
                        return super.read(b, off, len);
                    }
                };
            }
            if (!delegate.getName().contains("broken")) {
                return in;
            }
            return new FilterInputStream(in) {
                private long read;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (read >= 1024 * 1024) {
                        throw new IOException("disk error (test fault)");
                    }
                    int n = super.read(b, off, len);
                    read += Math.max(n, 0);
                    return n;
                }
            };
        }

        /**
         * The server's side of a stalled transfer: 150 was sent and the data connection is open, but the server
         * neither sends (read) nor reads (write) on it.
         */
        private static void awaitRelease(CountDownLatch release, String what) throws IOException {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IOException("stalled " + what + " not released within 60 s (test fault)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while stalled");
            }
        }

        @Override
        public String getAbsolutePath() {
            return delegate.getAbsolutePath();
        }

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isHidden() {
            return delegate.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return delegate.isDirectory();
        }

        @Override
        public boolean isFile() {
            return delegate.isFile();
        }

        @Override
        public boolean doesExist() {
            return delegate.doesExist();
        }

        @Override
        public boolean isReadable() {
            return delegate.isReadable();
        }

        @Override
        public boolean isWritable() {
            return delegate.isWritable();
        }

        @Override
        public boolean isRemovable() {
            return delegate.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return delegate.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return delegate.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return delegate.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return delegate.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return delegate.setLastModified(time);
        }

        @Override
        public long getSize() {
            return delegate.getSize();
        }

        @Override
        public Object getPhysicalFile() {
            return delegate.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return delegate.mkdir();
        }

        @Override
        public boolean delete() {
            return delegate.delete();
        }

        @Override
        public boolean move(FtpFile destination) {
            return delegate.move(destination instanceof FaultyFile f ? f.delegate() : destination);
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            OutputStream out = delegate.createOutputStream(offset);
            if (!delegate.getName().contains("stalled")) {
                return out;
            }
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    awaitRelease(writeRelease, "write");
                    out.write(b, off, len);
                }
            };
        }
    }

    /** An entry that exists only in a listing. */
    private record FakeFile(String name) implements FtpFile {

        @Override
        public String getAbsolutePath() {
            return "/hostile/" + name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isHidden() {
            return false;
        }

        @Override
        public boolean isDirectory() {
            return false;
        }

        @Override
        public boolean isFile() {
            return true;
        }

        @Override
        public boolean doesExist() {
            return true;
        }

        @Override
        public boolean isReadable() {
            return true;
        }

        @Override
        public boolean isWritable() {
            return false;
        }

        @Override
        public boolean isRemovable() {
            return false;
        }

        @Override
        public String getOwnerName() {
            return "user";
        }

        @Override
        public String getGroupName() {
            return "group";
        }

        @Override
        public int getLinkCount() {
            return 1;
        }

        @Override
        public long getLastModified() {
            return 0;
        }

        @Override
        public boolean setLastModified(long time) {
            return false;
        }

        @Override
        public long getSize() {
            return 3;
        }

        @Override
        public Object getPhysicalFile() {
            return null;
        }

        @Override
        public boolean mkdir() {
            return false;
        }

        @Override
        public boolean delete() {
            return false;
        }

        @Override
        public boolean move(FtpFile destination) {
            return false;
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            return List.of();
        }

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            throw new IOException("fake entry");
        }

        @Override
        public InputStream createInputStream(long offset) throws IOException {
            throw new IOException("fake entry");
        }
    }
}
