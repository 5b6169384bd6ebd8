package org.attentionatlas.jobs.common;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.attentionatlas.results.ResultsLock;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The writer lock's file operations on a Hadoop file system other than the local one: {@code create(path, false)}
 * is atomic on HDFS and object stores with conditional writes; rename never replaces an existing file there.
 */
final class HadoopLockFiles implements ResultsLock.LockFiles {

    private final FileSystem fs;
    private final Path root;

    HadoopLockFiles(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    @Override
    public boolean rootExists() throws IOException {
        if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
            throw ResultsLock.notAFolder(root.toString());
        }
        return fs.exists(root);
    }

    @Override
    public boolean createNew(String path, String text) throws IOException {
        fs.mkdirs(root);
        try (FSDataOutputStream out = fs.create(new Path(root, path), false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public String read(String path) throws IOException {
        try (var in = fs.open(new Path(root, path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    @Override
    public boolean renameAway(String from, String to) throws IOException {
        return fs.rename(new Path(root, from), new Path(root, to));
    }

    @Override
    public boolean restore(String from, String to) throws IOException {
        boolean back = !fs.exists(new Path(root, to)) && fs.rename(new Path(root, from), new Path(root, to));
        fs.delete(new Path(root, from), false);
        return back;
    }

    @Override
    public void delete(String path) throws IOException {
        fs.delete(new Path(root, path), false);
    }

    @Override
    public void deleteRootIfEmpty() throws IOException {
        if (fs.exists(root) && fs.listStatus(root).length == 0) {
            fs.delete(root, false);
        }
    }
}
